package io.careline.common.problem;

import io.careline.common.security.Unauthenticated;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers failed authentication with the same problem+json 401 on every route, REST and the WebSocket
 * upgrade alike. Authentication runs before routing (proactive), so this is a router failure handler
 * rather than a REST exception mapper.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unauthenticated = failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException || failure instanceof AuthenticationCompletionException;
        if (!unauthenticated || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(Unauthenticated.failureOf(failure), context.request().path());
        context.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer")
                .end(Json.encode(problem));
    }
}
