-- Consultations inside a session; the public id may be the hospital's consultation code.
CREATE TABLE topics (
    pk             BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id      VARCHAR(64)   NOT NULL,
    public_id      VARCHAR(128)  NOT NULL,
    session_pk     BIGINT        NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    replied        BOOLEAN       NOT NULL DEFAULT FALSE,
    first_reply_at DATETIME(6)   NULL,
    start_seq      BIGINT        NOT NULL,
    end_seq        BIGINT        NULL,
    opened_by      VARCHAR(128)  NOT NULL,
    ended_by       VARCHAR(128)  NULL,
    description    VARCHAR(1000) NULL,
    opened_at      DATETIME(6)   NOT NULL,
    ended_at       DATETIME(6)   NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_topics_tenant_public (tenant_id, public_id),
    KEY ix_topics_session_status (session_pk, status),
    CONSTRAINT fk_topics_session FOREIGN KEY (session_pk) REFERENCES sessions (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
