package io.careline.notification;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * How many of some users have a live connection on any node. Declared here and implemented by the realtime
 * feature (its presence), so that notifications and push need not know WebSockets.
 */
public interface OnlineUsers {
    /**
     * Starts counting those of the users who have a live connection, without waiting; completes empty when
     * presence cannot be asked (Redis unavailable), never exceptionally.
     */
    CompletionStage<OptionalInt> countOnline(String tenant, Collection<String> userIds);

    /** Those of the users who have a live connection; empty when presence cannot be asked. */
    Optional<Set<String>> online(String tenant, Collection<String> userIds);
}
