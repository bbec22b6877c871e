package io.careline.realtime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A control envelope's order: close the recipient's device {@code connectionId}, or all their devices when it
 * is null, with {@link CloseCodes#DISCONNECTED_BY_ADMIN}.
 */
@RegisterForReflection
record Disconnect(String connectionId) {
}
