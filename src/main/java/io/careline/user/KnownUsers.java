package io.careline.user;

import io.careline.common.security.CallerIdentified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A user first seen in a token gets a profile from its claims. Callers are announced once per node and ten
 * minutes ({@code AnnouncedCallers}), so the insert runs about once per user and node, not on every request.
 */
@ApplicationScoped
public class KnownUsers {
    @Inject
    UserService users;

    void onIdentified(@Observes CallerIdentified identified) {
        users.registerFromToken(identified.caller());
    }
}
