package io.careline.conversation;


/** A session together with the caller's membership of it. */
public record SessionRow(Session session, Participant participant) {
}
