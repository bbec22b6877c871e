-- Profiles of everyone who talks through Careline, scoped to a tenant (a hospital).
CREATE TABLE users (
    pk            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(64)  NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    display_name  VARCHAR(128) NULL,
    role          VARCHAR(16)  NOT NULL,
    department    VARCHAR(128) NULL,
    avatar_url    VARCHAR(512) NULL,
    client_type   VARCHAR(32)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_users_tenant_user (tenant_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
