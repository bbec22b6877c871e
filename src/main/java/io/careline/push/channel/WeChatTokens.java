package io.careline.push.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.PushConfig;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeChat access tokens, one per app for the whole deployment: WeChat limits how often one may be fetched and
 * each fetch invalidates the last, so the token lives in Redis and only the node holding a short Redis lock
 * refreshes it; the others use what it stored (or retry the push shortly if it is still being fetched).
 */
@ApplicationScoped
public class WeChatTokens {
    /** Refreshed this long before WeChat's stated expiry. */
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration LOCAL = Duration.ofMinutes(1);
    private static final Duration LOCK = Duration.ofSeconds(15);

    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    Redis redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private final Map<String, CachedToken> local = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    /** Thrown while another node fetches the app's token: the push is retried soon. */
    public static class Refreshing extends IllegalStateException {
        Refreshing() {
            super("WeChat access token is being refreshed by another node");
        }
    }

    public CompletionStage<String> get(PushConfig.App app) {
        String appId = app.appId().orElseThrow();
        // Each node rereads Redis at most once a minute, so a token another node refreshed reaches it soon.
        return local.computeIfAbsent(appId, id -> new CachedToken(() -> shared(app), Duration.ZERO, clock)).get();
    }

    /**
     * WeChat refused the token (40001, 40014, 42001): drop it here, and remember it, so that finding it still in
     * Redis means "refresh", not "use" (the refresh overwrites it there for every node).
     */
    public void invalidate(PushConfig.App app, String refused) {
        String appId = app.appId().orElseThrow();
        this.refused.put(appId, refused);
        CachedToken cached = local.get(appId);
        if (cached != null) {
            cached.invalidate(refused);
        }
    }

    private CompletionStage<CachedToken.Issued> shared(PushConfig.App app) {
        String appId = app.appId().orElseThrow();
        Instant now = Instant.now(clock);
        return redis.send(Request.cmd(Command.GET).arg(key(appId))).subscribeAsCompletionStage()
                .thenCompose(stored -> stored != null && !stored.toString().equals(refused.get(appId))
                        ? CompletableFuture.completedFuture(new CachedToken.Issued(stored.toString(), now.plus(LOCAL)))
                        : refreshUnderLock(app));
    }

    private CompletionStage<CachedToken.Issued> refreshUnderLock(PushConfig.App app) {
        String appId = app.appId().orElseThrow();
        return redis.send(Request.cmd(Command.SET).arg(lockKey(appId)).arg("1").arg("NX").arg("PX")
                .arg(LOCK.toMillis())).subscribeAsCompletionStage().thenCompose((Response locked) -> {
                    if (locked == null) {
                        return CompletableFuture.failedFuture(new Refreshing());
                    }
                    return fetch(app).thenCompose(issued -> redis.send(Request.cmd(Command.SET).arg(key(appId))
                            .arg(issued.value()).arg("PX").arg(Math.max(1000,
                                    Duration.between(Instant.now(clock), issued.expiresAt()).minus(MARGIN).toMillis())))
                            .subscribeAsCompletionStage()
                            .thenCompose(set -> redis.send(Request.cmd(Command.DEL).arg(lockKey(appId)))
                                    .subscribeAsCompletionStage())
                            .thenApply(deleted -> new CachedToken.Issued(issued.value(),
                                    Instant.now(clock).plus(LOCAL))));
                });
    }

    /** {@code GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…}. */
    private CompletionStage<CachedToken.Issued> fetch(PushConfig.App app) {
        String url = config.wechat().baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid="
                + URLEncoder.encode(app.appId().orElseThrow(), StandardCharsets.UTF_8) + "&secret="
                + URLEncoder.encode(app.appSecret().orElseThrow(), StandardCharsets.UTF_8);
        Instant now = Instant.now(clock);
        return http.get(url, false).thenApply(reply -> {
            try {
                JsonNode answer = mapper.readTree(reply.body());
                if (!answer.hasNonNull("access_token")) {
                    throw new IllegalStateException("WeChat token refused: errcode " + answer.path("errcode").asInt());
                }
                return new CachedToken.Issued(answer.get("access_token").asText(),
                        now.plusSeconds(answer.path("expires_in").asLong(7200)));
            } catch (java.io.IOException unreadable) {
                throw new IllegalStateException("WeChat token answer unreadable");
            }
        });
    }

    private static String key(String appId) {
        return "careline:wechat:token:" + appId;
    }

    private static String lockKey(String appId) {
        return "careline:wechat:token-lock:" + appId;
    }
}
