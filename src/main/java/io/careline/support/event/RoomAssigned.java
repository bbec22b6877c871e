package io.careline.support.event;

/** An agent took a customer's room (claimed, assigned or transferred); the customer is told who. */
public record RoomAssigned(String tenant, String sessionId, String customerId, String agentId, String agentName) {
}
