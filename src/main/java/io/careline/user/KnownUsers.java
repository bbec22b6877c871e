package io.careline.user;

import io.careline.common.security.Caller;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Remembers which token users already have a profile, so the insert runs once per user and node. */
@ApplicationScoped
public class KnownUsers {
    @Inject
    UserService users;

    @CacheResult(cacheName = "known-users")
    public boolean remember(Caller caller) {
        users.registerFromToken(caller);
        return true;
    }
}
