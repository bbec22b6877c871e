package io.careline.common.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import java.util.List;

/** The 401 failure of a refused authentication: which claim was wrong when that is why, else generic. */
public final class Unauthenticated {
    private Unauthenticated() {
    }

    /** Whether the failure is a refused authentication (401) rather than anything else. */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException;
    }

    public static Failure failureOf(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTokenClaim invalid) {
                return new Failure(ErrorCode.UNAUTHENTICATED,
                        "The token's " + invalid.claim() + " claim " + invalid.problem() + ".",
                        List.of(new Problem.FieldError(invalid.claim(), invalid.problem())), null);
            }
        }
        return new Failure(ErrorCode.UNAUTHENTICATED, "A valid bearer token with a tenant claim is required.");
    }
}
