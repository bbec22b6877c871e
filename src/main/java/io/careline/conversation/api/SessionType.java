package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.CodedEnum;
import io.careline.common.wire.CodedEnumConverter;
import io.careline.common.wire.WireEnum;

/** Kinds of session, keeping the family-doctor IM server's type codes (0–17), plus Careline's support rooms. */
public enum SessionType implements CodedEnum {
    SYSTEM(0),
    CONSULTATION(1),
    P2P(2),
    GROUP(3),
    DISCUSSION(4),
    SPECIALIST_TEAM(5),
    EXPERT_BY_PATIENT(6),
    EXPERT_BY_DOCTOR(7),
    PRESCRIPTION_RENEWAL(8),
    ONLINE_REVISIT(9),
    DOCTOR_HELP(10),
    HOME_NURSING(11),
    COLLABORATIVE_CLINIC(12),
    HEALTH_CONSULTATION(13),
    CLINIC_ASSISTANT(14),
    GP_SPECIALIST(15),
    ONLINE_REVISIT_VIDEO(16),
    EXPERT_VIDEO(17),
    /** A customer's room at a support desk (docs/consultations.md). */
    SUPPORT(18);

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    private final int code;

    SessionType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @JsonCreator
    public static SessionType fromWire(String value) {
        return WireEnum.parse(SessionType.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown session type"));
    }

    /** Stores the seed code. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnumConverter<SessionType> {
        public Converter() {
            super(SessionType.class);
        }
    }
}
