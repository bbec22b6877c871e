package io.careline.realtime;

import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.fanout.FanoutPublisher;
import io.careline.realtime.fanout.FanoutSubscriber;
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
 * Ready only while Redis answers within the readiness timeout and this node both hears the other nodes' events and
 * can publish its own. Without Redis a node still delivers to its own devices, but not across nodes, so it
 * asks to be taken out of rotation; the fan-out connections come back by themselves.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {
    @Inject
    Redis redis;

    @Inject
    FanoutSubscriber fanout;

    @Inject
    FanoutPublisher publisher;

    @Inject
    RealtimeConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        Duration timeout = config.redisReadinessTimeout();
        return redis.send(Request.cmd(Command.PING)).ifNoItem().after(timeout).fail()
                .map(pong -> HealthCheckResponse.named("redis").status(fanout.subscribed() && publisher.connected())
                        .withData("fanout", fanout.subscribed() ? "subscribed" : "resubscribing")
                        .withData("publisher", publisher.connected() ? "connected" : "reconnecting").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").down()
                        .withData("error", "Redis did not answer within " + timeout.toMillis() + " ms").build());
    }
}
