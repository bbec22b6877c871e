package io.careline.realtime;

import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.problem.TransportProblems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses the WebSocket upgrade with a problem+json body: 503 SERVER_DRAINING while the node drains (connect
 * to another), 401 UNAUTHENTICATED without a token. A route just in front of the endpoint's, because an
 * {@code HttpUpgradeCheck} can refuse only with a status and headers. Tokens that fail verification never
 * get here: proactive authentication answers them first, with the same problem.
 */
@ApplicationScoped
public class UpgradeGate {
    static final String PATH = "/ws";
    /**
     * After Quarkus' security filters (authentication runs at order -200, authorization at -100) and before
     * the routes of extensions, the WebSocket endpoint's among them, whose orders count up from 0.
     */
    private static final int ORDER = -1;

    @Inject
    Drain drain;

    void register(@Observes Router router) {
        router.route(PATH).order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (drain.draining()) {
            refuse(context, new Failure(ErrorCode.SERVER_DRAINING,
                    "This node is shutting down; connect again (another node will answer)."), "Retry-After", "1");
        } else if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            refuse(context, new Failure(ErrorCode.UNAUTHENTICATED,
                    "A valid bearer token with a tenant claim is required."), "WWW-Authenticate", "Bearer");
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, Failure failure, String header, String value) {
        context.response().putHeader(header, value);
        TransportProblems.respond(context, failure);
    }
}
