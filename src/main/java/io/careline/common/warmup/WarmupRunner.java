package io.careline.common.warmup;

import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Runs every feature's {@link Warmup} at start; readiness stays DOWN until they are done. */
@ApplicationScoped
public class WarmupRunner {
    /** A tenant no token can name (it is not an identifier: it starts with white space), so it has no rows. */
    static final String TENANT = " warmup";
    private static final Logger LOG = Logger.getLogger(WarmupRunner.class);

    @Inject
    @All
    List<Warmup> warmups;

    @Inject
    CurrentTenant tenant;

    private volatile boolean done;

    @ActivateRequestContext
    void run(@Observes StartupEvent event) {
        long start = System.nanoTime();
        tenant.use(TENANT);
        Caller caller = new Caller(TENANT, "warmup", Set.of(Role.DOCTOR), null);
        warmups.forEach(warmup -> warmup.warmUp(caller));
        done = true;
        LOG.infof("warmed up %d features in %d ms", warmups.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether every warm-up has run. */
    public boolean done() {
        return done;
    }

    /** Ready only once warmed up: a fresh node in rotation would otherwise take its first crowd cold. */
    @Readiness
    @ApplicationScoped
    public static class WarmedUp implements HealthCheck {
        @Inject
        WarmupRunner runner;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("warmup").status(runner.done()).build();
        }
    }
}
