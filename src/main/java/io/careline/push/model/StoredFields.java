package io.careline.push.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an outbox row keeps for rendering its push when it leaves: references and states, never content. The
 * sender's role and name are looked up at send time from {@code senderId}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredFields(String senderId, String notificationType, String scenario, String entity,
        String fromState, String toState) {

    public static StoredFields ofMessage(String senderId) {
        return new StoredFields(senderId, null, null, null, null, null);
    }

    public static StoredFields ofNotification(String senderId, String type) {
        return new StoredFields(senderId, type, null, null, null, null);
    }
}
