package io.careline.support;

import io.careline.support.api.RoomEvent;

/** A room changed state in the current transaction; {@link QueueAnnouncer} tells the desk once it commits. */
record RoomMoved(String tenant, long deskPk, String deskId, String sessionId, RoomEvent event) {
}
