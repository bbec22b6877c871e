package io.careline.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Stores instants in DATETIME(6) columns as UTC text. MariaDB introduces itself to the MySQL driver as
 * "5.5.5-…", and the driver then drops fractional seconds from bound timestamps; text keeps microseconds
 * on MariaDB and MySQL alike.
 */
@Converter(autoApply = true)
public class UtcDateTimeConverter implements AttributeConverter<Instant, String> {
    /** The column type every converted instant maps to. */
    public static final String DATETIME = "datetime(6)";

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
    }

    /** A DATETIME column read by a native query: LocalDateTime (or Timestamp, by driver) holding UTC; null stays null. */
    public static Instant fromNative(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return value == null ? null : ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
