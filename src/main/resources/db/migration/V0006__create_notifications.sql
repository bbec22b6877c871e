-- Notifications (docs/notifications.md). Identifier columns are utf8mb4_bin from the start (see V0005).

-- The per-tenant catalogue of notification types: who may send each and who may receive it. A tenant's
-- catalogue starts with the shipped types (inserted on first use); a retired type stays for history.
CREATE TABLE notification_types (
    pk               BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    code             VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    description      VARCHAR(255) NULL,
    default_priority VARCHAR(8)   NOT NULL,
    sender_roles     VARCHAR(128) NOT NULL,
    recipient_roles  VARCHAR(128) NOT NULL,
    retired          BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_notification_types_tenant_code (tenant_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One notification as sent; its recipients are rows of notification_recipients.
CREATE TABLE notifications (
    pk              BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    public_id       VARCHAR(36)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    type            VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    title           VARCHAR(255)  NOT NULL,
    body            TEXT          NOT NULL,
    priority        VARCHAR(8)    NOT NULL,
    metadata        TEXT          NULL,
    sender_id       VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    sender_role     VARCHAR(16)   NOT NULL,
    idempotency_key VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    recipient_count INT           NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_notifications_tenant_public (tenant_id, public_id),
    UNIQUE KEY uk_notifications_idempotency (tenant_id, sender_id, idempotency_key),
    KEY ix_notifications_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each user's last notification sequence number: nseq is allocated under this row's lock, so a user's
-- notifications are numbered 1, 2, 3... without gaps, like a session's messages.
CREATE TABLE notification_inboxes (
    tenant_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    last_nseq BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A notification as one recipient has it: status pending -> delivered -> read, or failed/expired;
-- archived_at is independent of the status.
CREATE TABLE notification_recipients (
    pk              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    notification_pk BIGINT       NOT NULL,
    user_id         VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    nseq            BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    priority_rank   INT          NOT NULL,
    silent          BOOLEAN      NOT NULL,
    delivered_at    DATETIME(6)  NULL,
    read_at         DATETIME(6)  NULL,
    archived_at     DATETIME(6)  NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_recipients_notification_user (notification_pk, user_id),
    UNIQUE KEY uk_recipients_user_nseq (tenant_id, user_id, nseq),
    KEY ix_recipients_user_priority (tenant_id, user_id, priority_rank, nseq),
    CONSTRAINT fk_recipients_notification FOREIGN KEY (notification_pk) REFERENCES notifications (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The audit trail: every transition with who made it and when. "sent" is one row per notification (its
-- recipients are the recipient rows); the others are one row per recipient.
CREATE TABLE notification_log (
    pk              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    notification_pk BIGINT       NOT NULL,
    user_id         VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    action          VARCHAR(12)  NOT NULL,
    actor_id        VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    at              DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_log_notification (notification_pk, pk),
    KEY ix_log_tenant_user (tenant_id, user_id, pk),
    CONSTRAINT fk_log_notification FOREIGN KEY (notification_pk) REFERENCES notifications (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per user and type: whether it is wanted, and the client hints sound and popup. No row: all on.
CREATE TABLE notification_settings (
    pk           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    type      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    enabled   BOOLEAN      NOT NULL,
    sound     BOOLEAN      NOT NULL,
    popup     BOOLEAN      NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_settings_user_type (tenant_id, user_id, type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A user's daily quiet hours, in their time zone: minutes since midnight, the end exclusive; a window whose
-- end is before its start runs over midnight. weekdays: ISO day numbers 1-7 the window starts on, or null.
CREATE TABLE notification_quiet_hours (
    pk           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    start_minute INT          NOT NULL,
    end_minute   INT          NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    weekdays     VARCHAR(16)  NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_quiet_hours_user (tenant_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Rooms a user subscribed to; a notification sent to a room reaches its subscribers at send time.
CREATE TABLE room_subscriptions (
    pk           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    room       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_subscriptions_user_room (tenant_id, user_id, room),
    KEY ix_subscriptions_room (tenant_id, room)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
