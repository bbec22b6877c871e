package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** Where a support room stands (seed 004's is_deal and is_end): waiting, held by an agent, or ended. */
public enum RoomState implements WireEnum {
    WAITING, ASSIGNED, ENDED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static RoomState fromWire(String value) {
        return WireEnum.parse(RoomState.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
