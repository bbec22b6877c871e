package io.careline.realtime;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Redis answers within a second and this node both hears the other nodes' events and
 * can publish its own. Without Redis a node still delivers to its own devices, but not across nodes, so it
 * asks to be taken out of rotation; the fan-out connections come back by themselves.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Inject
    Redis redis;

    @Inject
    FanoutSubscriber fanout;

    @Inject
    FanoutPublisher publisher;

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.send(Request.cmd(Command.PING)).ifNoItem().after(TIMEOUT).fail()
                .map(pong -> HealthCheckResponse.named("redis").status(fanout.subscribed() && publisher.connected())
                        .withData("fanout", fanout.subscribed() ? "subscribed" : "resubscribing")
                        .withData("publisher", publisher.connected() ? "connected" : "reconnecting").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").down()
                        .withData("error", "Redis did not answer within " + TIMEOUT.toMillis() + " ms").build());
    }
}
