package io.careline.user;

import io.careline.common.security.Caller;
import io.careline.common.security.CallerIdentified;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A user first seen in a token gets a profile from its claims. Which token users already have one is
 * remembered, so the insert runs once per user and node, not on every request.
 */
@ApplicationScoped
public class KnownUsers {
    @Inject
    UserService users;

    @Inject
    KnownUsers self;

    void onIdentified(@Observes CallerIdentified identified) {
        // Through the proxy, so the cache interceptor sees the call.
        self.remember(identified.caller());
    }

    @CacheResult(cacheName = "known-users")
    boolean remember(Caller caller) {
        users.registerFromToken(caller);
        return true;
    }
}
