package io.careline.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Why a request failed, in the terms clients see: a code, a detail safe to show, the invalid fields and, for
 * an unexpected failure, the trace id of its log entry. REST problems and WebSocket error frames are both
 * built from it, so a failure reads the same over either.
 */
public record Failure(ErrorCode code, String detail, List<Problem.FieldError> errors, String traceId) {
    private static final Logger LOG = Logger.getLogger(Failure.class);

    public Failure(ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    /** What any exception means to the client; an unexpected one is logged with a fresh trace id. */
    public static Failure of(Throwable failure, String where) {
        if (failure instanceof DomainException domain) {
            return new Failure(domain.code(), domain.getMessage(), domain.errors(), null);
        }
        if (failure instanceof ConstraintViolationException invalid) {
            return invalid(invalid);
        }
        if (failure instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                // Two requests raced to create the same thing; the loser retries and gets the winner's.
                return new Failure(ErrorCode.CONFLICT, "A concurrent request changed the same resource; retry.");
            }
        }
        String traceId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected error on %s (trace %s)", where, traceId);
        return new Failure(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred. Trace id: " + traceId, null,
                traceId);
    }

    /** A body or frame that is not JSON, or whose fields have the wrong type, naming the field. */
    public static Failure unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new Failure(ErrorCode.VALIDATION_FAILED, "A field has the wrong type or an invalid value.",
                    List.of(new Problem.FieldError(field, "has the wrong type or an invalid value")), null);
        }
        return new Failure(ErrorCode.MALFORMED_JSON, "The request body could not be parsed as JSON.");
    }

    private static Failure invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return new Failure(ErrorCode.VALIDATION_FAILED, "One or more fields are invalid.", errors, null);
    }

    /** The request field a violation names: a query parameter's name, or the path inside the body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = "";
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    parameter = node.getName();
                    property.setLength(0);
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        property.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        property.append(property.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return property.isEmpty() ? parameter : property.toString();
    }
}
