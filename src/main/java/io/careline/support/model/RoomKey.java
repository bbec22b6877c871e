package io.careline.support.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which room a session is, read without loading the entity: the entity is then loaded once, locked, so that
 * Hibernate never hands back a copy read before the lock.
 */
@RegisterForReflection
public record RoomKey(long pk, long deskPk, String customerId, String agentId, String sessionId) {
}
