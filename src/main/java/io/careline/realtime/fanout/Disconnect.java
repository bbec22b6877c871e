package io.careline.realtime.fanout;

import io.careline.realtime.frame.CloseCode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A control envelope's order: close the recipient's device {@code connectionId}, or all their devices when it
 * is null, with {@link CloseCode#DISCONNECTED_BY_ADMIN}.
 */
@RegisterForReflection
record Disconnect(String connectionId) {
}
