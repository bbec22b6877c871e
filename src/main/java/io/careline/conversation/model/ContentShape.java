package io.careline.conversation.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.careline.common.problem.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON object a message type's content must be: which fields, of which kind, which required. */
public final class ContentShape {

    /** JSON value kinds a field may hold. */
    public enum Kind {
        STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

        boolean accepts(JsonNode node) {
            return switch (this) {
                case STRING -> node.isTextual();
                case INTEGER -> node.isIntegralNumber();
                case NUMBER -> node.isNumber();
                case BOOLEAN -> node.isBoolean();
                case ARRAY -> node.isArray();
                case OBJECT -> node.isObject();
            };
        }
    }

    /** One field of a shape. */
    public record Field(String name, Kind kind, boolean required) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private ContentShape(Field... fields) {
        for (Field field : fields) {
            this.fields.put(field.name(), field);
        }
    }

    public static ContentShape of(Field... fields) {
        return new ContentShape(fields);
    }

    public static Field required(String name, Kind kind) {
        return new Field(name, kind, true);
    }

    public static Field optional(String name, Kind kind) {
        return new Field(name, kind, false);
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** Every way the content departs from the shape; empty when it fits. */
    public List<Problem.FieldError> violations(JsonNode content) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (content == null || !content.isObject()) {
            errors.add(new Problem.FieldError("content", "must be a JSON object"));
            return errors;
        }
        for (Field field : fields.values()) {
            JsonNode value = content.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    errors.add(new Problem.FieldError("content." + field.name(), "is required"));
                }
            } else if (!field.kind().accepts(value)) {
                errors.add(new Problem.FieldError("content." + field.name(),
                        "must be of kind " + field.kind().name().toLowerCase()));
            } else if (field.required() && value.isTextual() && value.asText().isBlank()) {
                errors.add(new Problem.FieldError("content." + field.name(), "must not be blank"));
            }
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                errors.add(new Problem.FieldError("content." + name, "is not a field of this message type"));
            }
        }
        return errors;
    }
}
