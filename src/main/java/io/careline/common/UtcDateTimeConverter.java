package io.careline.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/** Stores entities' instants in DATETIME(6) columns as UTC text ({@link SqlTime} says why). */
@Converter(autoApply = true)
public class UtcDateTimeConverter implements AttributeConverter<Instant, String> {
    /** The column type every converted instant maps to. */
    public static final String DATETIME = "datetime(6)";

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return SqlTime.text(instant);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return SqlTime.fromText(text);
    }
}
