package io.careline.consultation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** How the patient came to the doctor (seed 002's source: 0 scan, 1 online). */
public enum ConsultationSource implements WireEnum {
    SCAN, ONLINE;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static ConsultationSource fromWire(String value) {
        return WireEnum.parse(ConsultationSource.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
