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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Firebase Cloud Messaging HTTP v1: a service-account assertion (RS256) exchanged for an OAuth2 access token,
 * cached until a minute before it expires; {@code POST /v1/projects/{project}/messages:send} over HTTP/2, so a
 * batch multiplexes one connection instead of queueing for pooled HTTP/1.1 ones. The push id
 * travels as the data key {@code careline_push_id}, which apps use to drop a retried duplicate.
 */
@ApplicationScoped
public class FcmChannel implements PushChannel {
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private CachedToken accessToken;

    @Override
    public Channel channel() {
        return Channel.FCM;
    }

    @Override
    public boolean configured() {
        PushConfig.Fcm fcm = config.fcm();
        return fcm.projectId().isPresent() && fcm.clientEmail().isPresent() && fcm.privateKey().isPresent();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        return token().get().thenCompose(token -> http.post(
                config.fcm().baseUrl() + "/v1/projects/" + config.fcm().projectId().orElseThrow() + "/messages:send",
                Map.of("authorization", "Bearer " + token, "content-type", "application/json"), body(push), true)
                .thenApply(reply -> result(reply, token)));
    }

    private SendResult result(ProviderHttp.Reply reply, String token) {
        if (reply.status() == 200) {
            return SendResult.delivered();
        }
        String code = errorCode(reply.body());
        if (reply.status() == 401) {
            token().invalidate(token);
            return SendResult.retry("UNAUTHENTICATED");
        }
        return switch (code) {
            case "UNREGISTERED" -> SendResult.gone(code);
            case "QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL" -> SendResult.retry(code);
            case "INVALID_ARGUMENT", "SENDER_ID_MISMATCH", "THIRD_PARTY_AUTH_ERROR" -> SendResult.dead(code);
            default -> reply.status() == 429 || reply.status() >= 500 ? SendResult.retry("HTTP " + reply.status())
                    : SendResult.dead("HTTP " + reply.status());
        };
    }

    /** The FcmError code of an error answer's details, else its canonical status. */
    private String errorCode(String body) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.hasNonNull("errorCode")) {
                    return detail.get("errorCode").asText();
                }
            }
            return error.path("status").asText("");
        } catch (Exception unreadable) {
            return "";
        }
    }

    private String body(Outgoing push) {
        ObjectNode message = mapper.createObjectNode();
        ObjectNode root = message.putObject("message");
        root.put("token", push.token());
        root.putObject("notification").put("title", push.text().title()).put("body", push.text().body());
        ObjectNode data = root.putObject("data");
        push.data().forEach(data::put);
        data.put("careline_push_id", push.pushId());
        data.put("badge", Long.toString(push.badge()));
        ObjectNode android = root.putObject("android").put("priority", push.urgent() ? "HIGH" : "NORMAL");
        if (push.collapseKey() != null) {
            android.put("collapse_key", push.collapseKey());
        }
        android.putObject("notification").put("notification_count", push.badge());
        ObjectNode apns = root.putObject("apns");
        apns.putObject("payload").putObject("aps").put("badge", push.badge());
        return message.toString();
    }

    private synchronized CachedToken token() {
        if (accessToken == null) {
            accessToken = new CachedToken(this::exchange, Duration.ofMinutes(1), clock);
        }
        return accessToken;
    }

    /** The OAuth2 JWT-bearer grant: a signed assertion for an access token. */
    private CompletionStage<CachedToken.Issued> exchange() {
        PushConfig.Fcm fcm = config.fcm();
        Instant now = Instant.now(clock);
        String assertion;
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(fcm.privateKey().orElseThrow(), SignatureAlgorithm.RS256);
            assertion = Jwt.issuer(fcm.clientEmail().orElseThrow()).audience(fcm.tokenUrl()).claim("scope", SCOPE)
                    .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).jws().algorithm(SignatureAlgorithm.RS256)
                    .sign(key);
        } catch (GeneralSecurityException | RuntimeException badKey) {
            return CompletableFuture.failedFuture(new IllegalStateException("FCM service account key unusable"));
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&assertion=" + assertion;
        return http.post(fcm.tokenUrl(), Map.of("content-type", "application/x-www-form-urlencoded"), form, false)
                .thenApply(reply -> {
                    if (reply.status() != 200) {
                        throw new IllegalStateException("FCM token exchange answered " + reply.status());
                    }
                    try {
                        JsonNode token = mapper.readTree(reply.body());
                        return new CachedToken.Issued(token.path("access_token").asText(),
                                now.plusSeconds(token.path("expires_in").asLong(0)));
                    } catch (Exception unreadable) {
                        throw new IllegalStateException("FCM token answer unreadable");
                    }
                });
    }
}
