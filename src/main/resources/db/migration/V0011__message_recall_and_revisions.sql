-- Recall and revisions (docs/message-types.md "Recall and revisions"). A change to a stored message takes the
-- session's next change number (sessions.last_change_seq, under the session's row lock) into
-- messages.change_seq, so a device syncs the changes of the messages it holds from the last number it saw.
-- A recalled message keeps its seq and row, without its content; what it said goes to message_audit.
ALTER TABLE messages
    ADD COLUMN revision    INT          NOT NULL DEFAULT 0,
    ADD COLUMN edited_at   DATETIME(6)  NULL,
    ADD COLUMN recalled_at DATETIME(6)  NULL,
    ADD COLUMN recalled_by VARCHAR(128) NULL,
    ADD COLUMN change_seq  BIGINT       NULL,
    ADD KEY ix_messages_session_change (session_pk, change_seq);

ALTER TABLE sessions
    ADD COLUMN last_change_seq       BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN last_message_recalled BOOLEAN NOT NULL DEFAULT FALSE;

-- Every version of a changed message, for admins only: the original (revision 0, written with the first
-- change), each revision, and the recall with its reason.
CREATE TABLE message_audit (
    pk          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_pk  BIGINT       NOT NULL,
    seq         BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    revision    INT          NOT NULL,
    actor_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    type        INT          NOT NULL,
    content     MEDIUMTEXT   NULL,
    reason      VARCHAR(500) NULL,
    at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_message_audit_message (session_pk, seq, pk),
    CONSTRAINT fk_message_audit_session FOREIGN KEY (session_pk) REFERENCES sessions (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
