-- What administrators did to other people's connections (docs/console.md): one row per force disconnect.
CREATE TABLE admin_audit (
    pk             BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    audit_id       CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor_id       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    target_user_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    connection_ids TEXT         NOT NULL,
    reason         VARCHAR(256) NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_admin_audit (audit_id),
    KEY ix_admin_audit_tenant (tenant_id, pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
