package io.careline.consultation.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A doctor's weekly consultation hours in their time zone: a new consultation is pushed to them inside a
 * window, and at the start of the next one outside (docs/push.md). No windows: always open.
 */
@RegisterForReflection
public record ConsultationHoursView(
        @Schema(description = "IANA time zone, e.g. Asia/Shanghai") @NotNull @Size(max = 64) String timeZone,
        @NotNull @Size(max = 50) List<@NotNull @Valid Window> windows) {

    /** One weekly window: ISO day (1 = Monday), start and end as HH:mm, end after start (24:00 allowed). */
    @RegisterForReflection
    public record Window(@Min(1) @Max(7) int day,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String start,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:mm")
            String end) {
    }
}
