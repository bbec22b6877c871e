package io.careline.user;

import io.careline.common.commit.GroupCommit;
import io.careline.common.commit.PendingWrite;
import io.careline.common.security.Caller;
import io.careline.common.security.CallerIdentified;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A user first seen in a token gets a profile from its claims. Callers are announced once per node and ten
 * minutes ({@code AnnouncedCallers}), so this runs about once per user and node; the callers announced
 * meanwhile are written as one group (one read and one insert, outside a transaction), so that a storm of
 * first contacts does not cost a transaction each. Each caller returns once its profile is stored.
 */
@ApplicationScoped
public class KnownUsers {
    /** Large enough for a connect storm's group, small enough to keep one insert short. */
    private static final int GROUP = 500;

    @Inject
    UserService users;

    private GroupCommit<Registration> groups;

    @PostConstruct
    void init() {
        // Every waiting caller holds a worker thread, so the queue is bounded by the pool, never refused.
        groups = new GroupCommit<>(this::write, (group, oldestQueued) -> {
        }, 1, GROUP, Integer.MAX_VALUE);
    }

    void onIdentified(@Observes CallerIdentified identified) {
        Registration registration = new Registration(identified.caller());
        groups.submit(registration);
        registration.outcome();
    }

    private void write(List<Registration> group) {
        users.registerFromTokens(group.stream().map(registration -> registration.caller).toList());
        group.forEach(registration -> registration.accept(Boolean.TRUE));
    }

    /** A caller waiting for its profile. */
    private static final class Registration extends PendingWrite<Boolean> {
        final Caller caller;

        Registration(Caller caller) {
            this.caller = caller;
        }
    }
}
