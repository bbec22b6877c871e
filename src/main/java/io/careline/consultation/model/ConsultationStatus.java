package io.careline.consultation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** Seed 002's consultation status: 0 new (unanswered), 1 replying, 2 ended. */
public enum ConsultationStatus implements WireEnum {
    NEW, REPLYING, ENDED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static ConsultationStatus fromWire(String value) {
        return WireEnum.parse(ConsultationStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
