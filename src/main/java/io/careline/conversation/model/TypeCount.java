package io.careline.conversation.model;

import io.careline.conversation.api.SessionType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A count of something (sessions, unread messages) in the sessions of one type. */
@RegisterForReflection
public record TypeCount(SessionType type, long count) {
}
