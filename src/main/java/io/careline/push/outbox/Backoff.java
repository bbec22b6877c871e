package io.careline.push.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code initial * 2^(n-1)},
 * capped at {@code max}, so that pushes failing together do not all come back together.
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait after failed attempt {@code attempt} (1-based); {@code random} yields values in [0, 1). */
    public Duration after(int attempt, DoubleSupplier random) {
        long ceiling = initial.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(ceiling, initial.toMillis()), max.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random.getAsDouble() / 2)));
    }
}
