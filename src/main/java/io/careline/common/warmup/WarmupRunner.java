package io.careline.common.warmup;

import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.quarkus.arc.All;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Runs every feature's {@link Warmup} once the node has started; readiness stays DOWN until they are done. */
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

    /**
     * Starts the warm-up on a worker thread: the HTTP port then opens at once (liveness, the probes' first
     * answer), and readiness says UP only once the queries have run.
     */
    void start(@Observes StartupEvent event) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            long start = System.nanoTime();
            try {
                tenant.use(TENANT);
                Caller caller = new Caller(TENANT, "warmup", Set.of(Role.DOCTOR), null);
                warmups.forEach(warmup -> warmup.warmUp(caller));
                LOG.infof("warmed up %d features in %d ms", warmups.size(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException failed) {
                // Only an optimisation: a node that could not warm up still serves, cold (the database's own
                // readiness check reports a database that is down).
                LOG.warnf(failed, "warm-up failed after %d ms; serving cold", (System.nanoTime() - start) / 1_000_000);
            } finally {
                requestContext.terminate();
                done = true;
            }
        });
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
