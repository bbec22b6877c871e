package io.careline.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock that time-dependent rules read (quiet hours, expiry), so tests can fix it instead of waiting. */
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    Clock system() {
        return Clock.systemUTC();
    }
}
