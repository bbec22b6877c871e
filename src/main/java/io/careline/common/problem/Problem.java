package io.careline.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, the body of every 4xx and 5xx response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.name(), instance, errors);
    }
}
