-- Messages: seq is per session, allocated under the session row lock in the inserting transaction,
-- so (session_pk, seq) has no gaps; client_msg_id makes a sender's retries idempotent.
CREATE TABLE messages (
    pk            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(64)  NOT NULL,
    session_pk    BIGINT       NOT NULL,
    seq           BIGINT       NOT NULL,
    sender_id     VARCHAR(128) NOT NULL,
    type          INT          NOT NULL,
    content       MEDIUMTEXT   NOT NULL,
    topic_id      VARCHAR(128) NULL,
    client_msg_id VARCHAR(64)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_messages_session_seq (session_pk, seq),
    UNIQUE KEY uk_messages_client_msg (session_pk, sender_id, client_msg_id),
    KEY ix_messages_session_topic (session_pk, topic_id, seq),
    CONSTRAINT fk_messages_session FOREIGN KEY (session_pk) REFERENCES sessions (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
