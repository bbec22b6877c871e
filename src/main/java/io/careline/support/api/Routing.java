package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** How a desk's waiting rooms reach agents: claimed by hand, or assigned to the least-loaded online agent. */
public enum Routing implements WireEnum {
    MANUAL, AUTO;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static Routing fromWire(String value) {
        return WireEnum.parse(Routing.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
