package io.careline.common.paging;

import io.careline.common.config.LimitsConfig;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem;
import io.careline.common.wire.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Turns a requested page size into one within the configured bounds, or refuses it with the bounds. */
@ApplicationScoped
public class PageLimits {
    @Inject
    LimitsConfig limits;

    /** The page size a {@code limit} query parameter asks for (its text, null when absent). */
    public int resolve(String limit) {
        Long requested = QueryParameters.wholeNumber("limit", limit, Long.MIN_VALUE);
        if (requested == null) {
            return Math.min(limits.defaultPageSize(), limits.maxPageSize());
        }
        if (requested < 1 || requested > limits.maxPageSize()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED,
                    "limit must be between 1 and " + limits.maxPageSize() + ".",
                    List.of(new Problem.FieldError("limit", "must be between 1 and " + limits.maxPageSize())));
        }
        return requested.intValue();
    }
}
