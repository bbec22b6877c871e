package io.careline.common.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * JSON types are strict, in REST bodies and WebSocket frames alike: a string field takes only a string (not
 * 5 or true), a number field only an integer of its type (not "1" or 1.5), a boolean only a boolean, an enum
 * only its name, an instant only an ISO-8601 string; and every string must be valid Unicode. Anything else is refused, naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that its instant deserializer replaces the Java time module's (which reads epoch numbers). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail); // "1" is no number
        }
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // 1.5 is no integer
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS); // 1 is no role
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("careline-strict-json").addDeserializer(String.class, new Strings())
                .addDeserializer(Instant.class, new Instants()));
    }

    /** Strings only from JSON strings, and only valid Unicode. */
    static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (!Text.isValidUnicode(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "not valid Unicode");
            }
            return text;
        }
    }

    /** Instants only from ISO-8601 strings with an offset ("2026-12-02T02:00:00Z"), not from epoch numbers. */
    static final class Instants extends StdScalarDeserializer<Instant> {
        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeParseException invalid) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
