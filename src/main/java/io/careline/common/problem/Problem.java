package io.careline.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every 4xx and 5xx response. {@code retryable} says whether the
 * same request may succeed later; {@code traceId} names the server log entry of an unexpected failure.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
        List<FieldError> errors, boolean retryable, String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of the request. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }

    public static Problem of(Failure failure, String instance) {
        ErrorCode code = failure.code();
        return new Problem(code.type(), code.title(), code.status(), failure.detail(), code.name(), instance,
                failure.errors(), code.retryable(), failure.traceId());
    }
}
