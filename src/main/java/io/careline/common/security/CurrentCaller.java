package io.careline.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The request's {@link Caller}, built once from the verified JWT and announced ({@link AnnouncedCallers}). */
@RequestScoped
public class CurrentCaller {
    public static final String TENANT_CLAIM = "tenant";

    @Inject
    JsonWebToken jwt;

    @Inject
    AnnouncedCallers announced;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (jwt.getGroups() != null) {
                jwt.getGroups().forEach(group -> Role.parse(group).ifPresent(roles::add));
            }
            String userId = jwt.getSubject() != null ? jwt.getSubject()
                    : ExternalIdentities.userIdOf(jwt.getClaim(ExternalIdentities.PLATFORM_CLAIM),
                            jwt.getClaim(ExternalIdentities.PLATFORM_USER_CLAIM));
            caller = new Caller(jwt.getClaim(TENANT_CLAIM), userId, Set.copyOf(roles), jwt.getClaim("name"));
            announced.announce(caller);
        }
        return caller;
    }
}
