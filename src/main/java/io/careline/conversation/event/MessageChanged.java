package io.careline.conversation.event;

import io.careline.conversation.api.MessageView;

/**
 * A stored message was recalled or edited; observed (in the changing transaction) to tell the members' devices
 * after commit and to drop pushes that would announce a recalled message. {@code message} is its new state.
 */
public record MessageChanged(String tenant, long sessionPk, Change change, MessageView message, String origin) {

    /** What happened to the message. */
    public enum Change {
        RECALLED, REVISED
    }
}
