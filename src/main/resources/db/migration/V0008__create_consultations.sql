-- Consultations as a service (docs/consultations.md, seed 002): each doctor's settings, the care relation
-- between a doctor and a patient, and each consultation's kind and source beside the topic that holds its
-- state. A blocked patient's membership of their consultation sessions is marked send_blocked.
ALTER TABLE participants ADD COLUMN send_blocked BOOLEAN NOT NULL DEFAULT FALSE;

-- What a doctor accepts, and how soon they aim to answer (null: no target, no escalation).
CREATE TABLE doctor_settings (
    pk                     BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id              VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    doctor_id              VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    accepts_text           BOOLEAN      NOT NULL,
    accepts_phone          BOOLEAN      NOT NULL,
    accepts_video          BOOLEAN      NOT NULL,
    first_response_minutes INT          NULL,
    updated_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_doctor_settings (tenant_id, doctor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Seed 002's DoctorPatientRelation. The row is also the lock that makes parallel initiates for one pair
-- create one consultation. groups is a bit set: 1 normal, 2 followed, 4 paid, 8 vip.
CREATE TABLE care_relations (
    pk                     BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id              VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    doctor_id              VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    patient_id             VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    remark                 VARCHAR(500) NULL,
    `groups`               INT          NOT NULL DEFAULT 1,
    followed               BOOLEAN      NOT NULL DEFAULT FALSE,
    blocked                BOOLEAN      NOT NULL DEFAULT FALSE,
    source                 VARCHAR(8)   NOT NULL,
    latest_consultation_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_care_relations_pair (tenant_id, doctor_id, patient_id),
    KEY ix_care_relations_doctor (tenant_id, doctor_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE care_relation_tags (
    relation_pk BIGINT      NOT NULL,
    tag         VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (relation_pk, tag),
    KEY ix_care_relation_tags_tag (tag),
    CONSTRAINT fk_care_relation_tags FOREIGN KEY (relation_pk) REFERENCES care_relations (pk) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A consultation is a topic of the pair's session (its id is the topic's). status and replied follow the
-- topic (new: open and unanswered, replying: answered, ended), kept in step in the topic's own transactions.
-- doctor_sees_at is when the doctor's hours let them hear of it; response_due_at when an unanswered one
-- escalates (null: no target); escalated_at says it did, once.
CREATE TABLE consultations (
    pk              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    public_id       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    doctor_id       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    patient_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    kind            VARCHAR(8)   NOT NULL,
    source          VARCHAR(8)   NOT NULL,
    status          VARCHAR(8)   NOT NULL,
    replied         BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at      DATETIME(6)  NOT NULL,
    first_reply_at  DATETIME(6)  NULL,
    ended_at        DATETIME(6)  NULL,
    doctor_sees_at  DATETIME(6)  NOT NULL,
    response_due_at DATETIME(6)  NULL,
    escalated_at    DATETIME(6)  NULL,
    PRIMARY KEY (pk),
    UNIQUE KEY uk_consultations_public (tenant_id, public_id),
    KEY ix_consultations_doctor (tenant_id, doctor_id, started_at),
    KEY ix_consultations_patient (tenant_id, patient_id, started_at),
    KEY ix_consultations_due (status, escalated_at, response_due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
