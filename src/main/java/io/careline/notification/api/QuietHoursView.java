package io.careline.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A daily window in the user's time zone during which notifications arrive silent; {@code end} before
 * {@code start} runs over midnight. With {@code weekdays}, only windows starting on those days.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuietHoursView(
        @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") @Schema(example = "22:00") String start,
        @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") @Schema(example = "07:00") String end,
        @NotNull @Size(max = 64) @Schema(example = "Asia/Shanghai") String timeZone,
        @Size(max = 7) @Schema(description = "mon..sun; every day when absent")
        List<@NotNull @Pattern(regexp = "mon|tue|wed|thu|fri|sat|sun", message = "must be mon..sun") String> weekdays) {
    public static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
}
