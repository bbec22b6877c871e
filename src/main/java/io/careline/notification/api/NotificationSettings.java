package io.careline.notification.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller's notification settings: per type, and quiet hours. As an answer it lists every type of the
 * catalogue; as a request the types it lists replace their settings (others keep theirs).
 */
@RegisterForReflection
public record NotificationSettings(@NotNull @Size(max = 100) List<@Valid @NotNull TypeSetting> types,
        @Schema(description = "null: no quiet hours") @Valid QuietHoursView quietHours) {
}
