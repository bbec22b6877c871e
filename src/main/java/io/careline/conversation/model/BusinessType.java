package io.careline.conversation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.CodedEnum;
import io.careline.common.wire.CodedEnumConverter;
import io.careline.common.wire.WireEnum;

/** Whether a session includes a patient (seed codes 1 and 2); push rules and privacy depend on it. */
public enum BusinessType implements CodedEnum {
    WITHOUT_PATIENT(1),
    WITH_PATIENT(2);

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    private final int code;

    BusinessType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    @JsonCreator
    public static BusinessType fromWire(String value) {
        return WireEnum.parse(BusinessType.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown business type"));
    }

    /** Stores the seed code. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodedEnumConverter<BusinessType> {
        public Converter() {
            super(BusinessType.class);
        }
    }
}
