package io.careline.notification;

import java.util.Collection;
import java.util.OptionalInt;

/**
 * How many of some users have a live connection on any node. Declared here and implemented by the realtime
 * feature (its presence), so that notifications need not know WebSockets.
 */
public interface OnlineUsers {
    /** Empty when presence cannot be asked (Redis unavailable). */
    OptionalInt countOnline(String tenant, Collection<String> userIds);
}
