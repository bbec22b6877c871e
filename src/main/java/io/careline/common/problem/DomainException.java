package io.careline.common.problem;

import java.util.List;

/** A business rule refused the request; carries the stable code and a detail safe to show to clients. */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<Problem.FieldError> errors;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public DomainException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors;
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
