package io.careline.push.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Apple Push Notification service over HTTP/2 with token-based authentication: an ES256 provider token (kid,
 * iss = team, iat) reused until {@code token-refresh} and replaced when APNs calls it expired;
 * {@code POST /3/device/{token}} with apns-push-type, apns-priority, apns-collapse-id and the push id as
 * apns-id, which APNs uses to recognise a retry.
 */
@ApplicationScoped
public class ApnsChannel implements PushChannel {
    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private CachedToken providerToken;

    @Override
    public Channel channel() {
        return Channel.APNS;
    }

    @Override
    public boolean configured() {
        PushConfig.Apns apns = config.apns();
        return apns.teamId().isPresent() && apns.keyId().isPresent() && apns.privateKey().isPresent()
                && apns.topic().isPresent();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        return token().get().thenCompose(token -> {
            Map<String, String> headers = new HashMap<>();
            headers.put("authorization", "bearer " + token);
            headers.put("apns-topic", config.apns().topic().orElseThrow());
            headers.put("apns-push-type", "alert");
            headers.put("apns-priority", push.urgent() ? "10" : "5");
            headers.put("apns-id", push.pushId());
            if (push.collapseKey() != null) {
                headers.put("apns-collapse-id", push.collapseKey());
            }
            return http.post(config.apns().baseUrl() + "/3/device/" + push.token(), headers, body(push), true)
                    .thenApply(reply -> result(reply, token));
        });
    }

    private SendResult result(ProviderHttp.Reply reply, String token) {
        if (reply.status() == 200) {
            return SendResult.delivered();
        }
        String reason = reason(reply.body());
        return switch (reply.status()) {
            case 410 -> SendResult.gone(reason);
            case 400 -> "BadDeviceToken".equals(reason) || "DeviceTokenNotForTopic".equals(reason)
                    ? SendResult.gone(reason) : SendResult.dead(reason);
            case 403 -> {
                if ("ExpiredProviderToken".equals(reason) || "InvalidProviderToken".equals(reason)) {
                    providerToken.invalidate(token);
                    yield SendResult.retry(reason);
                }
                yield SendResult.dead(reason);
            }
            case 429, 500, 503 -> SendResult.retry(reason.isEmpty() ? "HTTP " + reply.status() : reason);
            default -> SendResult.dead(reason.isEmpty() ? "HTTP " + reply.status() : reason);
        };
    }

    private String reason(String body) {
        try {
            JsonNode reply = mapper.readTree(body);
            return reply == null ? "" : reply.path("reason").asText("");
        } catch (Exception unreadable) {
            return "";
        }
    }

    private String body(Outgoing push) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode aps = root.putObject("aps");
        aps.putObject("alert").put("title", push.text().title()).put("body", push.text().body());
        aps.put("badge", push.badge()).put("sound", "default");
        if (push.collapseKey() != null) {
            aps.put("thread-id", push.collapseKey());
        }
        ObjectNode careline = root.putObject("careline");
        push.data().forEach(careline::put);
        careline.put("pushId", push.pushId());
        return root.toString();
    }

    private synchronized CachedToken token() {
        if (providerToken == null) {
            // Valid for an hour at Apple; replaced once older than token-refresh (margin counted from expiry).
            providerToken = new CachedToken(this::sign, java.time.Duration.ofHours(1).minus(config.apns().tokenRefresh()),
                    clock);
        }
        return providerToken;
    }

    private CompletionStage<CachedToken.Issued> sign() {
        PushConfig.Apns apns = config.apns();
        Instant now = Instant.now(clock);
        try {
            String token = Jwt.issuer(apns.teamId().orElseThrow()).issuedAt(now).jws().keyId(apns.keyId().orElseThrow())
                    .algorithm(SignatureAlgorithm.ES256)
                    .sign(KeyUtils.decodePrivateKey(apns.privateKey().orElseThrow(), SignatureAlgorithm.ES256));
            return CompletableFuture.completedFuture(new CachedToken.Issued(token, now.plus(java.time.Duration.ofHours(1))));
        } catch (GeneralSecurityException | RuntimeException badKey) {
            return CompletableFuture.failedFuture(new IllegalStateException("APNs signing key unusable"));
        }
    }
}
