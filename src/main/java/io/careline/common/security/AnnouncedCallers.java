package io.careline.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Announces each caller as {@link CallerIdentified} once per node and ten minutes, not on every request: the
 * observers (a first-seen user's profile) need it once, and firing an event per request cost a few percent of
 * a notification sender's CPU.
 */
@ApplicationScoped
public class AnnouncedCallers {
    private static final int REMEMBERED = 100_000;
    private static final Duration FOR = Duration.ofMinutes(10);

    @Inject
    Event<CallerIdentified> identified;

    private final Cache<Caller, Boolean> announced = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterWrite(FOR).build();

    void announce(Caller caller) {
        if (announced.getIfPresent(caller) == null) {
            identified.fire(new CallerIdentified(caller));
            announced.put(caller, Boolean.TRUE);
        }
    }
}
