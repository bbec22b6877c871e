package io.careline.conversation.event;

import io.careline.conversation.api.MessageView;
import io.careline.conversation.model.SessionType;
import java.util.List;

/**
 * A message was appended to a session; observed to deliver it once the storing transaction commits.
 * {@code recipients} are the session's active members, read under the session lock in that transaction;
 * {@code sessionType} lets observers of one kind of session skip the rest;
 * {@code origin} is the connection the message came from (null for REST), which gets an ack instead.
 */
public record MessageStored(String tenant, long sessionPk, SessionType sessionType, MessageView message,
        List<String> recipients, String origin) {
}
