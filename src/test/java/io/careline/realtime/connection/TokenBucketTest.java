package io.careline.realtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheRateRefillsIt() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(SECOND / 20)).as("half a token after 50 ms").isFalse();
        assertThat(bucket.tryTake(SECOND / 10)).as("one token after 100 ms").isTrue();
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isFalse();
    }
}
