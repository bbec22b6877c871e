package io.careline.common.wire;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import java.util.Locale;
import java.util.Optional;

/** An enum that travels as its lowercase name ({@code in_progress}, {@code consultation}). */
public interface WireEnum {
    String name();

    /** The wire name; each enum declares it with {@code @JsonValue} so OpenAPI lists the same names. */
    String wire();

    static String lowercase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** Parses a query or body value, or answers 400 naming the field. */
    static <E extends Enum<E> & WireEnum> E require(Class<E> type, String value, String field) {
        return parse(type, value).orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED,
                "Unknown value for " + field + ".",
                java.util.List.of(new io.careline.common.problem.Problem.FieldError(field, "unknown value"))));
    }
}
