-- Escalation ladders (docs/notifications.md "Escalation"): a tenant's policies, and one timer row per
-- recipient and due step of a notification that asks for an acknowledgement. Timers are rows, so a restart
-- or a killed node loses none; the node that claims a due row (FOR UPDATE SKIP LOCKED) fires it.
CREATE TABLE escalation_policies (
    pk                BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id         VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    policy_id         VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name              VARCHAR(255) NULL,
    notification_type VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    priority          VARCHAR(8)   NULL,
    steps             TEXT         NOT NULL,
    updated_by        VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_escalation_policies_id (tenant_id, policy_id),
    KEY ix_escalation_policies_attached (tenant_id, notification_type, priority)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE escalation_timers (
    pk              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    notification_pk BIGINT       NOT NULL,
    user_id         VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    policy_pk       BIGINT       NOT NULL,
    step            INT          NOT NULL,
    due_at          DATETIME(6)  NOT NULL,
    state           VARCHAR(8)   NOT NULL,
    fired_by        VARCHAR(64)  NULL,
    fired_at        DATETIME(6)  NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_escalation_timers_step (notification_pk, user_id, step),
    KEY ix_escalation_timers_due (state, due_at),
    CONSTRAINT fk_escalation_timers_notification FOREIGN KEY (notification_pk) REFERENCES notifications (pk),
    CONSTRAINT fk_escalation_timers_policy FOREIGN KEY (policy_pk) REFERENCES escalation_policies (pk)
      ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What an escalated line did: the step and its channel.
ALTER TABLE notification_log ADD COLUMN detail VARCHAR(160) NULL;
