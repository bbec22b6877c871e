package io.careline.conversation.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** Where a consultation stands on the doctor's workbench. */
public enum TopicState implements WireEnum {
    /** Open, and no doctor or nurse has answered yet. */
    UNREPLIED,
    /** Open and answered. */
    IN_PROGRESS,
    /** Ended, answered or not (ended-unanswered ones do not count as unreplied). */
    ENDED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    public static TopicState of(boolean open, boolean replied) {
        if (!open) {
            return ENDED;
        }
        return replied ? IN_PROGRESS : UNREPLIED;
    }
}
