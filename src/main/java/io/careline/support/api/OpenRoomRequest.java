package io.careline.support.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's room to open at a desk (answered by the open one if there is one). */
@RegisterForReflection
public record OpenRoomRequest(@NotNull @Identifier(max = 64) String deskId,
        @Schema(description = "Services and admins open a room for a customer; others for themselves")
        @Identifier String customerId) {
}
