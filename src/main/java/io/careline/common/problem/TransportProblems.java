package io.careline.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem bodies for what the HTTP layer refuses before any resource runs: a body over the size limit (413),
 * a path that cannot be decoded (400), a failed authentication (401; routing runs after proactive
 * authentication, so REST exception mappers never see it). What Netty refuses while reading the request
 * line and headers (414, 431) is answered before routing and has no body.
 */
@ApplicationScoped
public class TransportProblems {
    /** Just before Quarkus' own body-size check (order -2), which answers 413 with an empty body. */
    private static final int BODY_SIZE_ORDER = -3;

    /** Compiled once: every request's Content-Length is checked against it. */
    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::authenticationFailed);
        router.route().order(BODY_SIZE_ORDER).handler(this::bodySize);
        for (int status : List.of(400, 413)) {
            router.errorHandler(status, context -> respond(context,
                    new Failure(ErrorCode.ofStatus(status), ErrorCode.ofStatus(status).title() + ".")));
        }
    }

    private void bodySize(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && CONTENT_LENGTH.matcher(length).matches()
                && Long.parseLong(length) > maxBodySize.asLongValue()) {
            context.response().putHeader("Connection", "close");
            respond(context, new Failure(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The body is larger than " + maxBodySize.asLongValue() + " bytes."));
        } else {
            context.next();
        }
    }

    private void authenticationFailed(RoutingContext context) {
        if (context.response().headWritten() || !Unauthenticated.isRefusal(context.failure())) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer");
        respond(context, Unauthenticated.failureOf(context.failure()));
    }

    /** Ends the exchange with the failure's status and problem body. */
    public static void respond(RoutingContext context, Failure failure) {
        context.response().setStatusCode(failure.code().status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(failure, context.request().path())));
    }
}
