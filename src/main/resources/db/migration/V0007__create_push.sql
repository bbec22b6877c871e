-- Offline push (docs/push.md): devices, the outbox, per-tenant push settings, consultation hours, business
-- events with the entity states they move, rules, and the delayed firings of timeout rules.

-- A user's app installation or WeChat identity. token is the provider's address for it (an FCM registration
-- token, an APNs device token, a WeChat openid); one token belongs to one user of a tenant at a time.
CREATE TABLE push_devices (
    pk          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id     VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    device_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    platform    VARCHAR(16)  NOT NULL,
    provider    VARCHAR(16)  NOT NULL,
    token       VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    client_type VARCHAR(32)  NOT NULL,
    locale      VARCHAR(35)  NOT NULL,
    app_version VARCHAR(32)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_push_devices_user_device (tenant_id, user_id, device_id),
    UNIQUE KEY uk_push_devices_token (tenant_id, provider, token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One push to one device (or, for webhook, to the tenant's hospital system for one user), written in the
-- transaction of its cause. open_key is set while the row waits, so that later causes with the same collapse
-- key merge into it (coalescing); it is cleared when a worker claims the row. push_id is the provider
-- idempotency key (apns-id, the FCM data key, the webhook delivery id): retries reuse it.
CREATE TABLE push_outbox (
    pk           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    device_pk    BIGINT       NULL,
    channel      VARCHAR(16)  NOT NULL,
    push_id      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    cause        VARCHAR(16)  NOT NULL,
    cause_ref    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    session_pk   BIGINT       NULL,
    cause_seq    BIGINT       NULL,
    template     VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    fields       VARCHAR(2000) NOT NULL,
    collapse_key VARCHAR(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    open_key     VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    coalesced    INT          NOT NULL DEFAULT 1,
    priority     VARCHAR(8)   NOT NULL,
    state        VARCHAR(8)   NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    due_at       DATETIME(6)  NOT NULL,
    leased_by    VARCHAR(64)  NULL,
    outcome      VARCHAR(32)  NULL,
    last_error   VARCHAR(255) NULL,
    created_at   DATETIME(6)  NOT NULL,
    finished_at  DATETIME(6)  NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_push_outbox_push_id (push_id),
    UNIQUE KEY uk_push_outbox_open (open_key),
    KEY ix_push_outbox_due (state, due_at),
    KEY ix_push_outbox_tenant_state (tenant_id, state, pk),
    KEY ix_push_outbox_tenant_user (tenant_id, user_id, pk),
    KEY ix_push_outbox_finished (finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a tenant's pushes may say: its hospital's name, and whether the sender's display name may appear.
CREATE TABLE push_settings (
    tenant_id        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    hospital_name    VARCHAR(128) NULL,
    show_sender_name BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A doctor's weekly consultation hours: JSON windows [{day 1-7, start "HH:mm", end "HH:mm"}] in time_zone.
CREATE TABLE consultation_hours (
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    windows    VARCHAR(4000) NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Rules turning an entity's state change into notifications and pushes (seed 001's scenario table).
CREATE TABLE push_rules (
    pk                BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id         VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    public_id         VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    scenario          VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    entity            VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    states            VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    recipient         VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    notification_type VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    priority          VARCHAR(8)   NULL,
    channels          VARCHAR(64)  NOT NULL,
    templates         TEXT         NOT NULL,
    delay_seconds     INT          NOT NULL DEFAULT 0,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_push_rules_public (tenant_id, public_id),
    UNIQUE KEY uk_push_rules_scenario (tenant_id, scenario),
    KEY ix_push_rules_entity (tenant_id, entity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every accepted business event, acted on or not (stale: older than the entity's last seen state).
CREATE TABLE business_events (
    pk          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    event_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    entity      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    entity_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    from_state  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    to_state    VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    subjects    TEXT         NOT NULL,
    data        TEXT         NULL,
    outcome     VARCHAR(8)   NOT NULL,
    result      TEXT         NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_business_events_event (tenant_id, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last state seen for each entity, and when it was entered: decides staleness and timer cancellation.
CREATE TABLE entity_states (
    tenant_id   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    entity      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    entity_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    state       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    event_pk    BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, entity, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A delayed rule waiting to fire ("2 hours without acceptance"); cancelled if the entity leaves the state.
CREATE TABLE rule_timers (
    pk        BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    rule_pk   BIGINT      NOT NULL,
    event_pk  BIGINT      NOT NULL,
    due_at    DATETIME(6) NOT NULL,
    status    VARCHAR(9)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_rule_timers_rule_event (rule_pk, event_pk),
    KEY ix_rule_timers_due (status, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
