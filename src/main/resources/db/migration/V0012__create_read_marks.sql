-- Each time a member's read position moved forward, and when (read-by lists, docs/message-types.md). When a
-- member read a message is the time of their first mark at or past its seq.
CREATE TABLE read_marks (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_pk BIGINT       NOT NULL,
    user_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    seq        BIGINT       NOT NULL,
    read_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_read_marks_session_seq (session_pk, seq),
    CONSTRAINT fk_read_marks_session FOREIGN KEY (session_pk) REFERENCES sessions (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
