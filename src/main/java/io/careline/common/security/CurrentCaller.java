package io.careline.common.security;

import io.careline.user.KnownUsers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's {@link Caller}, built once from the verified JWT; its user is stored on first sight. */
@RequestScoped
public class CurrentCaller {
    public static final String TENANT_CLAIM = "tenant";

    @Inject
    JsonWebToken jwt;

    @Inject
    KnownUsers knownUsers;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (jwt.getGroups() != null) {
                jwt.getGroups().forEach(group -> Role.parse(group).ifPresent(roles::add));
            }
            caller = new Caller(jwt.getClaim(TENANT_CLAIM), jwt.getSubject(), Set.copyOf(roles), jwt.getClaim("name"));
            // "A user first seen in a token is created from its claims": cached, so one insert per user and node.
            knownUsers.remember(caller);
        }
        return caller;
    }
}
