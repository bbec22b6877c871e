package io.careline.consultation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** Seed 002's relation groups; stored as a bit set, one bit per group. */
public enum CareGroup implements WireEnum {
    NORMAL, FOLLOWED, PAID, VIP;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static CareGroup fromWire(String value) {
        return WireEnum.parse(CareGroup.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }

    /** This group's bit in care_relations.groups. */
    public int bit() {
        return 1 << ordinal();
    }
}
