package io.careline.conversation.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A changed message and the change number of its latest change (a query projection). */
@RegisterForReflection
public record ChangedMessage(long changeSeq, Message message) {
}
