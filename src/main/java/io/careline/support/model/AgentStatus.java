package io.careline.support.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** What an agent says of themselves; only online agents are assigned rooms automatically. */
public enum AgentStatus implements WireEnum {
    ONLINE, AWAY, OFFLINE;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static AgentStatus fromWire(String value) {
        return WireEnum.parse(AgentStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown value " + value));
    }
}
