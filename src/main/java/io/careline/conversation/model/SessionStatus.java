package io.careline.conversation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** A closed session keeps its history readable but accepts no new messages. */
public enum SessionStatus implements WireEnum {
    ACTIVE, CLOSED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static SessionStatus fromWire(String value) {
        return WireEnum.parse(SessionStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown session status"));
    }
}
