package io.careline.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A verified token expiring at the given second. */
    record Verified(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }

    private final HandClock clock = new HandClock();
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
    private final AtomicInteger verifications = new AtomicInteger();

    private JsonWebToken verify(String token) {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new IllegalArgumentException("signature does not match");
        }
        return new Verified(token, NOW.getEpochSecond() + 60);
    }

    @Test
    void aReusedTokenIsVerifiedOnceUntilItExpires() {
        JsonWebToken first = tokens.get("token-a", this::verify);
        assertThat(tokens.get("token-a", this::verify)).isSameAs(first);
        assertThat(verifications).hasValue(1);

        clock.now = NOW.plusSeconds(60);
        tokens.get("token-a", this::verify);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anyOtherTokenTextIsVerifiedInFullAndFailuresAreNotRemembered() {
        tokens.get("token-a", this::verify);
        assertThatThrownBy(() -> tokens.get("bad-token-a", this::verify)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.get("bad-token-a", this::verify)).isInstanceOf(IllegalArgumentException.class);
        assertThat(verifications).hasValue(3);
    }
}
