package io.careline.push.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries wait exponentially longer, with jitter between half and all of the step, never above the cap. */
class BackoffTest {
    final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void eachRetryDoublesTheCeilingAndJitterTakesHalfToAllOfIt() {
        assertThat(backoff.after(1, () -> 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff.after(1, () -> 0.999999)).isBetween(Duration.ofMillis(4999), Duration.ofSeconds(5));
        assertThat(backoff.after(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theCapHoldsForAnyAttempt() {
        assertThat(backoff.after(9, () -> 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1000, () -> 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(10))
                .isGreaterThan(Duration.ofMinutes(4));
    }
}
