package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A session together with the caller's membership of it. */
@RegisterForReflection
public record SessionRow(Session session, Participant participant) {
}
