package io.careline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Native SQL's instants: bound as UTC text with microseconds, read back from text or the driver's values. */
class SqlTimeTest {
    private static final Instant INSTANT = Instant.parse("2026-11-23T01:02:03.123456Z");

    @Test
    void bindsUtcTextWithMicroseconds() {
        assertThat(SqlTime.text(INSTANT)).isEqualTo("2026-11-23 01:02:03.123456");
        assertThat(SqlTime.fromText("2026-11-23 01:02:03.123456")).isEqualTo(INSTANT);
    }

    @Test
    void readsWhatTheDriverReturnsForADatetimeColumnAsUtc() {
        LocalDateTime stored = LocalDateTime.parse("2026-11-23T01:02:03.123456");
        assertThat(SqlTime.read(stored)).isEqualTo(INSTANT);
        assertThat(SqlTime.read(Timestamp.valueOf(stored))).isEqualTo(INSTANT);
    }

    @Test
    void nullStaysNull() {
        assertThat(SqlTime.text(null)).isNull();
        assertThat(SqlTime.fromText(null)).isNull();
        assertThat(SqlTime.read(null)).isNull();
    }
}
