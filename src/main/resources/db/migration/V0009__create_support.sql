-- The support desk (docs/consultations.md, seed 004 and seed 002's official assistant): desks and their
-- agents, agents' status, customers' external identities, rooms (one support session each) and what
-- happened to each room.
CREATE TABLE support_desks (
    pk                     BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id              VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    desk_id                VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name                   VARCHAR(128) NOT NULL,
    assistant_id           VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    routing                VARCHAR(8)   NOT NULL,
    capacity               INT          NOT NULL,
    first_response_minutes INT          NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_support_desks (tenant_id, desk_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who works at a desk; supervisors are told of rooms waiting past the desk's target.
CREATE TABLE support_desk_agents (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    desk_pk    BIGINT       NOT NULL,
    agent_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    supervisor BOOLEAN      NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_support_desk_agents (desk_pk, agent_id),
    KEY ix_support_desk_agents_agent (tenant_id, agent_id),
    CONSTRAINT fk_support_desk_agents FOREIGN KEY (desk_pk) REFERENCES support_desks (pk) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An agent's own status across the tenant's desks; no row means offline.
CREATE TABLE support_agents (
    pk         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    agent_id   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    status     VARCHAR(8)   NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_support_agents (tenant_id, agent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Seed 004's chat_users: a customer is known by platform and platform user id (ids repeat across platforms).
CREATE TABLE external_identities (
    pk               BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    platform         VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    platform_user_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id          VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_external_identities (tenant_id, platform, platform_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Seed 004's chat_conversations: one support session per room. open_customer is the customer while the room
-- is not ended, so a customer has at most one open room per desk. awaiting_reply is seed 004's is_reply = 0.
CREATE TABLE support_rooms (
    pk                BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id         VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_pk        BIGINT       NOT NULL,
    session_id        VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    desk_pk           BIGINT       NOT NULL,
    customer_id       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    open_customer     VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    state             VARCHAR(8)   NOT NULL,
    agent_id          VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    awaiting_reply    BOOLEAN      NOT NULL DEFAULT FALSE,
    waiting_since     DATETIME(6)  NULL,
    assigned_at       DATETIME(6)  NULL,
    first_response_at DATETIME(6)  NULL,
    ended_at          DATETIME(6)  NULL,
    response_due_at   DATETIME(6)  NULL,
    escalated_at      DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_support_rooms_session (session_pk),
    UNIQUE KEY uk_support_rooms_session_id (tenant_id, session_id),
    UNIQUE KEY uk_support_rooms_open (desk_pk, open_customer),
    KEY ix_support_rooms_queue (desk_pk, state, waiting_since, pk),
    KEY ix_support_rooms_agent (tenant_id, agent_id, state),
    KEY ix_support_rooms_due (state, escalated_at, response_due_at),
    KEY ix_support_rooms_customer (tenant_id, customer_id, state),
    CONSTRAINT fk_support_rooms_session FOREIGN KEY (session_pk) REFERENCES sessions (pk),
    CONSTRAINT fk_support_rooms_desk FOREIGN KEY (desk_pk) REFERENCES support_desks (pk)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What happened to a room, in order: waiting, claimed, released, transferred, finished (seed 004 kept none).
CREATE TABLE support_room_events (
    pk       BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    room_pk  BIGINT       NOT NULL,
    event    VARCHAR(12)  NOT NULL,
    actor_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    agent_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    KEY ix_support_room_events_room (room_pk, pk),
    CONSTRAINT fk_support_room_events_room FOREIGN KEY (room_pk) REFERENCES support_rooms (pk) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
