package io.careline.common.security;

/**
 * A request's caller was identified from its token. Observed by the user feature, which stores a profile
 * for a user it has not seen before; {@code common/} itself knows no feature.
 */
public record CallerIdentified(Caller caller) {
}
