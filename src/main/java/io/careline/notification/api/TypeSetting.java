package io.careline.notification.api;

import io.careline.common.wire.Identifier;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One type's setting. A disabled type is still stored and delivered to open devices, but {@code silent} and
 * never pushed offline; {@code sound} and {@code popup} are hints for the client. Urgent ignores all three.
 */
@RegisterForReflection
public record TypeSetting(@NotNull @Identifier(max = 64) String type, @NotNull Boolean enabled,
        @NotNull @Schema(description = "Play a sound (client hint)") Boolean sound,
        @NotNull @Schema(description = "Show a popup (client hint)") Boolean popup) {
}
