-- On-call rosters (docs/notifications.md "On-call rosters"): who is on duty when. A send may target a
-- roster; it resolves at send time to the users whose shift covers that instant.
CREATE TABLE rosters (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    roster_id  VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name       VARCHAR(255) NOT NULL,
    updated_by VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_rosters_tenant_id (tenant_id, roster_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A roster's shifts in the order given (position): the order next_oncall follows.
CREATE TABLE roster_shifts (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    roster_pk  BIGINT       NOT NULL,
    position   INT          NOT NULL,
    user_id    VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    starts_at  DATETIME(6)  NOT NULL,
    ends_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_roster_shifts_roster (roster_pk, starts_at),
    CONSTRAINT fk_roster_shifts_roster FOREIGN KEY (roster_pk) REFERENCES rosters (pk) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
