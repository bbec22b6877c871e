package io.careline.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Instants in DATETIME(6) columns, for native SQL and the entity converter alike: bound as UTC text, read back
 * from text or from the driver's DATETIME value. MariaDB introduces itself to the MySQL driver as "5.5.5-…",
 * and the driver then drops fractional seconds from bound timestamps; text keeps microseconds on MariaDB and
 * MySQL alike.
 */
public final class SqlTime {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();

    private SqlTime() {
    }

    /** The instant as a DATETIME parameter; null stays null. */
    public static String text(Instant instant) {
        return instant == null ? null : FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A DATETIME read as text (UTC); null stays null. */
    public static Instant fromText(String text) {
        return text == null ? null : LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
    }

    /** A DATETIME column read by a native query: LocalDateTime (or Timestamp, by driver) in UTC; null stays null. */
    public static Instant read(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return value == null ? null : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
