package io.careline.support.model;

/**
 * Which room a session is, read without loading the entity: the entity is then loaded once, locked, so that
 * Hibernate never hands back a copy read before the lock.
 */
public record RoomKey(long pk, long deskPk, String customerId, String agentId) {
}
