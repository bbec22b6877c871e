package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** Where a push is: waiting (or waiting for a retry), claimed by a node under a lease, or finished. */
public enum OutboxState implements WireEnum {
    QUEUED, SENDING, SENT, SKIPPED, DEAD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static OutboxState fromWire(String value) {
        return WireEnum.parse(OutboxState.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown state " + value));
    }

    /** Finished pushes are not claimed again (an admin may retry a dead one). */
    public boolean finished() {
        return this == SENT || this == SKIPPED || this == DEAD;
    }
}
