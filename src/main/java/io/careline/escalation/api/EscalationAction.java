package io.careline.escalation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careline.common.wire.WireEnum;

/** What an escalation step does while the recipient has not acknowledged. */
public enum EscalationAction implements WireEnum {
    /** Alert the recipient again: the frame to their devices and a push. */
    REPEAT,
    /** Send the alert to the next person on duty on a roster, after the recipient. */
    NEXT_ONCALL,
    /** Send the alert to everyone of a role, or of a department. */
    NOTIFY_ROLE,
    /** A text message to the phone on the recipient's profile. */
    SMS,
    /** An email to the address on the recipient's profile. */
    EMAIL;

    /** Whether the step reaches the recipient at an address on their profile. */
    public boolean offApp() {
        return this == SMS || this == EMAIL;
    }

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.lowercase(this);
    }

    @JsonCreator
    public static EscalationAction fromWire(String value) {
        return WireEnum.parse(EscalationAction.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown action " + value));
    }
}
