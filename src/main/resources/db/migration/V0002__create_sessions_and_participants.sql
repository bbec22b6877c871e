-- Conversations and who is in them. A session's public id is chosen by the client or generated;
-- the surrogate pk keeps ids of different tenants from colliding.
CREATE TABLE sessions (
    pk                   BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id            VARCHAR(64)  NOT NULL,
    public_id            VARCHAR(128) NOT NULL,
    type                 INT          NOT NULL,
    business_type        INT          NOT NULL,
    name                 VARCHAR(128) NULL,
    status               VARCHAR(16)  NOT NULL,
    last_seq             BIGINT       NOT NULL DEFAULT 0,
    last_message_at      DATETIME(6)  NULL,
    last_message_preview VARCHAR(200) NULL,
    activity_at          DATETIME(6)  NOT NULL,
    open_topic_id        VARCHAR(128) NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_sessions_tenant_public (tenant_id, public_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE participants (
    pk            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(64)  NOT NULL,
    session_pk    BIGINT       NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    role          VARCHAR(16)  NULL,
    joined_at     DATETIME(6)  NOT NULL,
    left_at       DATETIME(6)  NULL,
    left_seq      BIGINT       NULL,
    last_read_seq BIGINT       NOT NULL DEFAULT 0,
    pinned        BOOLEAN      NOT NULL DEFAULT FALSE,
    muted         BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_participants_session_user (session_pk, user_id),
    KEY ix_participants_user (tenant_id, user_id, left_at),
    CONSTRAINT fk_participants_session FOREIGN KEY (session_pk) REFERENCES sessions (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
