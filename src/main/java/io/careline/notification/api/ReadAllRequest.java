package io.careline.notification.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marks every unread notification of the caller read, or only those of one type. */
@RegisterForReflection
public record ReadAllRequest(@Schema(description = "Only this type when present") @Identifier(max = 64) String type) {
}
