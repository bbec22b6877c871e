package io.careline.common.problem;

/**
 * Why a validly signed token's claim is unusable (wrong type, too long, not an identifier); travels as the
 * cause of the authentication failure (401), whose problem names the claim.
 */
public class InvalidTokenClaim extends RuntimeException {
    private final String claim;
    private final String problem;

    public InvalidTokenClaim(String claim, String problem) {
        super("token claim " + claim + " " + problem, null, false, false);
        this.claim = claim;
        this.problem = problem;
    }

    public String claim() {
        return claim;
    }

    public String problem() {
        return problem;
    }
}
