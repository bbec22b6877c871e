package io.careline.push.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A signed POST to the tenant's hospital system (docs/push.md, "Webhook"): {@code Careline-Delivery} (the push
 * id, the same on retries), {@code Careline-Timestamp} and {@code Careline-Signature} with one {@code v1=}
 * HMAC-SHA256 per configured secret; 2xx is delivered, 408, 429 and 5xx are retried, the rest is dead.
 */
@ApplicationScoped
public class WebhookChannel implements PushChannel {
    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return !config.webhook().isEmpty();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        PushConfig.Webhook target = config.webhook().get(push.tenant());
        if (target == null || target.secrets().isEmpty()) {
            return CompletableFuture.completedFuture(SendResult.dead("channel_off"));
        }
        String body = body(push);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put(WebhookSignature.DELIVERY, push.pushId());
        headers.put(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE, WebhookSignature.header(target.secrets(), timestamp, body));
        return http.post(target.url(), headers, body, false)
                .thenApply(reply -> SendResult.ofHttpStatus(reply.status(), "HTTP " + reply.status()));
    }

    private String body(Outgoing push) {
        ObjectNode root = mapper.createObjectNode();
        root.put("deliveryId", push.pushId());
        root.put("tenant", push.tenant());
        root.put("userId", push.userId());
        root.put("title", push.text().title());
        root.put("body", push.text().body());
        root.put("badge", push.badge());
        root.put("urgent", push.urgent());
        if (push.collapseKey() != null) {
            root.put("collapseKey", push.collapseKey());
        }
        ObjectNode data = root.putObject("data");
        push.data().forEach(data::put);
        return root.toString();
    }
}
