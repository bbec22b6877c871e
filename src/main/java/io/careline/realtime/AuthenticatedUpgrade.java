package io.careline.realtime;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Refuses the WebSocket upgrade with 503 while the node drains, and with 401 unless the bearer token is valid and carries a tenant. Done here
 * rather than with {@code @Authenticated} because the REST layer's error mapping would write a second
 * response for the same refused upgrade.
 */
@ApplicationScoped
public class AuthenticatedUpgrade implements HttpUpgradeCheck {
    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));
    private static final Map<String, List<String>> RETRY = Map.of("Retry-After", List.of("1"));

    @Inject
    Drain drain;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (drain.draining()) {
            // Shutting down: the client should connect to another node.
            return CheckResult.rejectUpgrade(503, RETRY);
        }
        return context.securityIdentity()
                .onItem().transformToUni(identity -> identity.isAnonymous()
                        ? CheckResult.rejectUpgrade(401, CHALLENGE)
                        : CheckResult.permitUpgrade())
                .onFailure().recoverWithUni(refused -> CheckResult.rejectUpgrade(401, CHALLENGE));
    }
}
