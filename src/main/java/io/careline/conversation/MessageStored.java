package io.careline.conversation;

/** A message was appended to a session; observed after the storing transaction commits. */
public record MessageStored(String tenant, long sessionPk, MessageView message) {
}
