package io.careline.conversation.event;

import io.careline.conversation.api.MessageView;
import io.careline.conversation.api.SessionType;
import java.util.List;

/**
 * A message was appended to a session; observed to deliver it once the storing transaction commits.
 * {@code recipients} are the session's active members, read under the session lock in that transaction;
 * {@code sessionType} lets observers of one kind of session skip the rest; {@code author} says whether a
 * member wrote it or the server did, so observers need not know type names;
 * {@code origin} is the connection the message came from (null for REST), which gets an ack instead.
 */
public record MessageStored(String tenant, long sessionPk, SessionType sessionType, MessageView message,
        Author author, List<String> recipients, String origin) {

    /** Who put the words of a message there. */
    public enum Author {
        /** A member's own message. */
        MEMBER,
        /** A system notice (members joined or left, an announcement): nothing a member said. */
        NOTICE,
        /** A topic's begin or end marker, written by the server when a member opens or ends a topic. */
        TOPIC_MARKER;

        /** Whether the server wrote the message rather than a member. */
        public boolean isServer() {
            return this != MEMBER;
        }
    }
}
