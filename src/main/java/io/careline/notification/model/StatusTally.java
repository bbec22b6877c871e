package io.careline.notification.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many recipients of one notification stand at one status. */
@RegisterForReflection
public record StatusTally(RecipientStatus status, long count) {
}
