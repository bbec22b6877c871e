package io.careline.common.wire;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numeric, boolean, time and enum query parameters, read from their text here rather than by JAX-RS: a value JAX-RS cannot convert
 * answers 404 by the specification, where a client deserves 400 naming the parameter.
 */
public final class QueryParameters {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");

    private QueryParameters() {
    }

    /** The parameter as a whole number of at least {@code min}, or null when absent. */
    public static Long wholeNumber(String name, String raw, long min) {
        if (raw == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            throw invalid(name, "must be a whole number");
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException tooLarge) {
            throw invalid(name, "must be at most " + Long.MAX_VALUE);
        }
        if (value < min) {
            throw invalid(name, "must be at least " + min);
        }
        return value;
    }

    /** The parameter as {@code true} or {@code false} exactly, or null when absent. */
    public static Boolean flag(String name, String raw) {
        if (raw == null) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw invalid(name, "must be true or false");
        }
        return Boolean.valueOf(raw);
    }

    /** The parameter as an ISO-8601 instant (2026-12-05T08:00:00Z), or null when absent. */
    public static Instant instant(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-12-05T08:00:00Z");
        }
    }

    /** The parameter as one of the enum's wire names, or null when absent. */
    public static <E extends Enum<E> & WireEnum> E choice(Class<E> type, String name, String raw) {
        return raw == null ? null : WireEnum.require(type, raw, name);
    }

    private static DomainException invalid(String name, String problem) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "Query parameter " + name + " " + problem + ".",
                List.of(new Problem.FieldError(name, problem)));
    }
}
