package io.careline.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.careline.common.wire.WireEnum;

/** A closed session keeps its history readable but accepts no new messages. */
public enum SessionStatus implements WireEnum {
    ACTIVE, CLOSED;

    @JsonCreator
    public static SessionStatus fromWire(String value) {
        return WireEnum.parse(SessionStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown session status"));
    }
}
