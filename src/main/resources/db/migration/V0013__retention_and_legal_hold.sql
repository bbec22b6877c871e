-- Retention (docs/operations.md "Retention and legal hold"): per tenant, how many days the messages of a
-- session type (scope = its wire name) or the notifications (scope = 'notifications') keep their content.
-- No policy means forever. The purge replaces older content with a tombstone; rows, seqs and nseqs stay.
CREATE TABLE retention_policies (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    scope      VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    keep_days  INT          NOT NULL,
    updated_by VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_retention_policies_scope (tenant_id, scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every purge a node made: what it purged, up to which time, how many rows.
CREATE TABLE retention_log (
    pk        BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    scope     VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    cutoff    DATETIME(6)  NOT NULL,
    purged    INT          NOT NULL,
    node      VARCHAR(64)  NOT NULL,
    at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_retention_log_tenant (tenant_id, pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE sessions
    ADD COLUMN legal_hold_by VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN legal_hold_at DATETIME(6)  NULL;

ALTER TABLE messages ADD COLUMN purged_at DATETIME(6) NULL;

ALTER TABLE notifications
    ADD COLUMN purged_at DATETIME(6) NULL,
    ADD KEY ix_notifications_tenant_created (tenant_id, created_at);
