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

    /** A request field breaks a rule that bean validation cannot express: 400 naming the field. */
    public static DomainException invalid(String field, String problem) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, field + " " + problem + ".",
                List.of(new Problem.FieldError(field, problem)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
