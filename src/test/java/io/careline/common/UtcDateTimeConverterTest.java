package io.careline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UtcDateTimeConverterTest {
    private final UtcDateTimeConverter converter = new UtcDateTimeConverter();

    @Test
    void keepsMicrosecondsInUtc() {
        Instant instant = Instant.parse("2026-11-23T01:02:03.123456Z");
        assertThat(converter.convertToDatabaseColumn(instant)).isEqualTo("2026-11-23 01:02:03.123456");
        assertThat(converter.convertToEntityAttribute("2026-11-23 01:02:03.123456")).isEqualTo(instant);
    }

    @Test
    void readsValuesWithoutFraction() {
        assertThat(converter.convertToEntityAttribute("2026-11-23 01:02:03"))
                .isEqualTo(Instant.parse("2026-11-23T01:02:03Z"));
    }
}
