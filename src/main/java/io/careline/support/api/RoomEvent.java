package io.careline.support.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** What happened to a room; recorded on it and told to the desk's agents in queue frames. */
public enum RoomEvent implements WireEnum {
    WAITING, CLAIMED, RELEASED, TRANSFERRED, FINISHED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static RoomEvent fromWire(String value) {
        return WireEnum.parse(RoomEvent.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
