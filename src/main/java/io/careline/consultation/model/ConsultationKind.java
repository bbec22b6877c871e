package io.careline.consultation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** How a consultation is held: seed 002's type 0 (text and images), 1 (phone), and video. */
public enum ConsultationKind implements WireEnum {
    TEXT, PHONE, VIDEO;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static ConsultationKind fromWire(String value) {
        return WireEnum.parse(ConsultationKind.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
