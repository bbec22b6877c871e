package io.careline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.channel.WebhookSignature;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The provider side of the push protocols on one local port (the test profile points every channel here):
 * FCM's OAuth2 token endpoint and HTTP v1 send, APNs over HTTP/2 with provider tokens, WeChat's access_token
 * and message APIs, a webhook receiver checking signatures, and Twilio's Messages resource for SMS. Each checks authentication as
 * the real one does and records what it accepted; a test may script the next answers for a device token.
 */
public final class FakeProviders implements AutoCloseable {
    public static final int PORT = 18631;
    public static final String FCM_PROJECT = "careline-test";
    public static final String APNS_TEAM = "TEAM123456";
    public static final String APNS_KEY_ID = "KEY1234567";
    public static final String APNS_TOPIC = "dev.careline.app";
    public static final String WEBHOOK_TENANT = "t-webhook";
    public static final String WEBHOOK_SECRET = "new-secret";
    public static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "twilio-test-token";
    /** The public half of the test profile's APNs signing key. */
    static final String APNS_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEzQTH+yrctxbXYLHyHP0HwbZLYPBQfvQld1/6"
            + "vfYFERvwNovcBT1d8gEK3j3717jQXBv9+t+Xv96wAA7Uoz3Myg==";

    private static FakeProviders running;

    /** What a provider accepted: the channel, the device token or openid, the idempotency key, the body. */
    public record Accepted(String channel, String token, String key, Map<String, String> headers, JsonNode body) {
    }

    /** A scripted answer: status and body. */
    public record Answer(int status, String body) {
    }

    public final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    public final AtomicInteger fcmTokenExchanges = new AtomicInteger();
    public final AtomicInteger wechatTokenFetches = new AtomicInteger();
    /** Seconds an FCM access token lives; a test may shorten it to see it refreshed. */
    public volatile long fcmTokenLifetime = 3600;

    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Instant> fcmTokens = new ConcurrentHashMap<>();
    private final Map<String, String> wechatTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> verifiedApnsTokens = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final PublicKey rsa;
    private final PublicKey ec;

    /**
     * Now, as the application sees it: in a {@code @QuarkusTest} JVM the {@link TestClock}, which tests fix at
     * chosen instants (tokens signed then must be judged then), else the system clock (packaged nodes).
     */
    private static Instant now() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning() && container.instance(TestClock.class).isAvailable()) {
            return container.instance(TestClock.class).get().instant();
        }
        return Instant.now();
    }

    private JwtConsumer fcmAssertions() {
        return new JwtConsumerBuilder().setVerificationKey(rsa).setRequireIssuedAt().setRequireExpirationTime()
                .setEvaluationTime(NumericDate.fromSeconds(now().getEpochSecond()))
                .setExpectedAudience("http://127.0.0.1:" + PORT + "/token")
                .setExpectedIssuer("careline@careline-test.iam.gserviceaccount.com").build();
    }

    private JwtConsumer apnsTokens() {
        return new JwtConsumerBuilder().setVerificationKey(ec).setRequireIssuedAt().setSkipDefaultAudienceValidation()
                .setEvaluationTime(NumericDate.fromSeconds(now().getEpochSecond())).setExpectedIssuer(APNS_TEAM).build();
    }

    private FakeProviders() throws Exception {
        rsa = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem(Files.readString(Path.of("src/dev/keys/publicKey.pem"))))));
        ec = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(APNS_PUBLIC_KEY)));
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(this::handle);
        server.listen(PORT, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * The one server of this test JVM, started on first use and cleared for each test. Its WeChat tokens are new
     * to Careline's Redis cache, so tests sending over WeChat first drop that cache ({@link #wechatTokenKeys}).
     */
    public static synchronized FakeProviders get() throws Exception {
        if (running == null) {
            running = new FakeProviders();
        }
        running.reset();
        return running;
    }

    /**
     * The test profile's push properties (channels pointed here, the test keys) as a properties file for a
     * packaged node, with {@code overrides}; a node started with SMALLRYE_CONFIG_LOCATIONS at it pushes here.
     */
    public static Path nodeConfig(Map<String, String> overrides) throws IOException {
        Properties source = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            source.load(reader);
        }
        Properties node = new Properties();
        for (String name : source.stringPropertyNames()) {
            if (name.startsWith("%test.careline.push.") && !name.endsWith("workers-enabled")) {
                node.setProperty(name.substring("%test.".length()), source.getProperty(name));
            }
        }
        overrides.forEach(node::setProperty);
        Path file = Files.createTempFile(Path.of("target"), "push-node-", ".properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            node.store(writer, "FakeProviders.nodeConfig");
        }
        return file.toAbsolutePath();
    }

    /** The Redis keys under which Careline shares the test apps' WeChat access tokens. */
    public static String[] wechatTokenKeys() {
        return new String[] { "careline:wechat:token:wx-test-oa", "careline:wechat:token:wx-test-mp" };
    }

    public void reset() {
        accepted.clear();
        scripted.clear();
        fcmTokenLifetime = 3600;
    }

    /** The next answers to a push for this device token (or openid, or webhook user), before normal service. */
    public void script(String token, Answer... answers) {
        scripted.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Forgets the FCM access tokens it issued, as if they had been revoked. */
    public void revokeFcmTokens() {
        fcmTokens.clear();
    }

    /** Forgets the WeChat access tokens it issued, as if WeChat had expired them. */
    public void expireWeChatTokens() {
        wechatTokens.clear();
    }

    public List<Accepted> acceptedFor(String token) {
        return accepted.stream().filter(a -> token.equals(a.token())).toList();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String body = buffer.toString();
            String path = request.path();
            try {
                Answer answer;
                if (path.equals("/token")) {
                    answer = fcmToken(body);
                } else if (path.startsWith("/v1/projects/")) {
                    answer = fcmSend(request, path, body);
                } else if (path.startsWith("/3/device/")) {
                    answer = apnsSend(request, path, body);
                } else if (path.equals("/cgi-bin/token")) {
                    answer = wechatToken(request);
                } else if (path.startsWith("/cgi-bin/message/")) {
                    answer = wechatSend(request, path, body);
                } else if (path.equals("/hook")) {
                    answer = webhook(request, body);
                } else if (path.startsWith("/2010-04-01/Accounts/")) {
                    answer = twilioMessage(request, path, body);
                } else {
                    answer = new Answer(404, "{}");
                }
                request.response().setStatusCode(answer.status()).putHeader("content-type", "application/json")
                        .end(answer.body());
            } catch (Exception broken) {
                request.response().setStatusCode(500).end("{\"error\":\"" + broken.getClass().getSimpleName() + "\"}");
            }
        });
    }

    private Answer fcmToken(String body) throws Exception {
        Map<String, String> fields = form(body);
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
            return new Answer(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        try {
            JwtClaims claims = fcmAssertions().processToClaims(fields.get("assertion"));
            if (!"https://www.googleapis.com/auth/firebase.messaging".equals(claims.getStringClaimValue("scope"))) {
                return new Answer(400, "{\"error\":\"invalid_scope\"}");
            }
        } catch (Exception invalid) {
            return new Answer(400, "{\"error\":\"invalid_grant\"}");
        }
        String token = "fcm-access-" + UUID.randomUUID();
        fcmTokenExchanges.incrementAndGet();
        fcmTokens.put(token, now().plusSeconds(fcmTokenLifetime));
        return new Answer(200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + fcmTokenLifetime
                + ",\"token_type\":\"Bearer\"}");
    }

    private Answer fcmSend(HttpServerRequest request, String path, String body) throws IOException {
        String auth = request.getHeader("authorization");
        Instant expiry = auth == null || !auth.startsWith("Bearer ") ? null : fcmTokens.get(auth.substring(7));
        if (expiry == null || expiry.isBefore(now())) {
            return new Answer(401, fcmError(401, "UNAUTHENTICATED", null));
        }
        if (!path.equals("/v1/projects/" + FCM_PROJECT + "/messages:send")) {
            return new Answer(404, fcmError(404, "NOT_FOUND", null));
        }
        JsonNode message = mapper.readTree(body).path("message");
        String token = message.path("token").asText();
        Answer scriptedAnswer = next(token);
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        accepted.add(new Accepted("fcm", token, message.path("data").path("careline_push_id").asText(),
                headers(request), message));
        return new Answer(200, "{\"name\":\"projects/" + FCM_PROJECT + "/messages/" + accepted.size() + "\"}");
    }

    /** An FCM v1 error body, with an FcmError detail when {@code errorCode} is given. */
    public static String fcmError(int code, String status, String errorCode) {
        String details = errorCode == null ? "[]" : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\"" + errorCode + "\"}]";
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + status + "\",\"status\":\"" + status
                + "\",\"details\":" + details + "}}";
    }

    private Answer apnsSend(HttpServerRequest request, String path, String body) throws IOException {
        if (request.version() != HttpVersion.HTTP_2) {
            return new Answer(505, "{\"reason\":\"HTTP2Required\"}");
        }
        String auth = request.getHeader("authorization");
        try {
            // Like APNs, a provider token is verified once and then recognised, until it is an hour old.
            Long issuedAt = verifiedApnsTokens.get(auth == null ? "" : auth);
            if (issuedAt == null) {
                JwtContext context = apnsTokens().process(auth == null ? "" : auth.replaceFirst("^bearer ", ""));
                if (!APNS_KEY_ID.equals(context.getJoseObjects().get(0).getKeyIdHeaderValue())) {
                    return new Answer(403, "{\"reason\":\"InvalidProviderToken\"}");
                }
                issuedAt = context.getJwtClaims().getIssuedAt().getValue();
                verifiedApnsTokens.put(auth, issuedAt);
            }
            if (issuedAt < now().minusSeconds(3600).getEpochSecond()) {
                return new Answer(403, "{\"reason\":\"ExpiredProviderToken\"}");
            }
        } catch (Exception invalid) {
            return new Answer(403, "{\"reason\":\"InvalidProviderToken\"}");
        }
        if (!APNS_TOPIC.equals(request.getHeader("apns-topic"))) {
            return new Answer(400, "{\"reason\":\"TopicDisallowed\"}");
        }
        if (request.getHeader("apns-push-type") == null || request.getHeader("apns-id") == null) {
            return new Answer(400, "{\"reason\":\"MissingPushType\"}");
        }
        String token = path.substring("/3/device/".length());
        Answer scriptedAnswer = next(token);
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        accepted.add(new Accepted("apns", token, request.getHeader("apns-id"), headers(request), mapper.readTree(body)));
        return new Answer(200, "");
    }

    private Answer wechatToken(HttpServerRequest request) {
        String appId = request.getParam("appid");
        String expected = "wx-test-oa".equals(appId) ? "oa-secret" : "wx-test-mp".equals(appId) ? "mp-secret" : null;
        if (!"client_credential".equals(request.getParam("grant_type")) || expected == null
                || !expected.equals(request.getParam("secret"))) {
            return new Answer(200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        }
        // Unique across test runs: Careline keeps WeChat tokens in Redis, which outlives this server.
        String token = "wx-access-" + UUID.randomUUID();
        wechatTokenFetches.incrementAndGet();
        wechatTokens.put(appId, token);
        return new Answer(200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    private Answer wechatSend(HttpServerRequest request, String path, String body) throws IOException {
        String token = request.getParam("access_token");
        if (token == null || !wechatTokens.containsValue(token)) {
            return new Answer(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
        }
        JsonNode message = mapper.readTree(body);
        String openid = message.path("touser").asText();
        Answer scriptedAnswer = next(openid);
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        String channel = path.endsWith("/template/send") ? "wechat" : "wechat_mp";
        accepted.add(new Accepted(channel, openid, null, headers(request), message));
        return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + accepted.size() + "}");
    }

    private Answer webhook(HttpServerRequest request, String body) throws IOException {
        String timestamp = request.getHeader(WebhookSignature.TIMESTAMP);
        String signature = request.getHeader(WebhookSignature.SIGNATURE);
        if (timestamp == null || signature == null || !List.of(signature.split(", "))
                .contains("v1=" + WebhookSignature.sign(WEBHOOK_SECRET, Long.parseLong(timestamp), body))) {
            return new Answer(401, "{}");
        }
        JsonNode delivery = mapper.readTree(body);
        String userId = delivery.path("userId").asText();
        Answer scriptedAnswer = next(userId);
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        accepted.add(new Accepted("webhook", userId, request.getHeader(WebhookSignature.DELIVERY), headers(request),
                delivery));
        return new Answer(204, "");
    }

    /** Twilio's Messages resource: basic auth with the account's SID and token, a form with To, From and Body. */
    private Answer twilioMessage(HttpServerRequest request, String path, String body) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((TWILIO_SID + ":" + TWILIO_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("authorization"))) {
            return new Answer(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        }
        if (!path.equals("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json")
                || !"application/x-www-form-urlencoded".equals(request.getHeader("content-type"))) {
            return new Answer(404, "{\"code\":20404,\"status\":404}");
        }
        Map<String, String> form = form(body);
        String to = form.getOrDefault("To", "");
        if (!to.matches("\\+[1-9][0-9]{6,14}") || form.get("From") == null || form.get("Body") == null) {
            return new Answer(400, "{\"code\":21211,\"message\":\"The 'To' number is not valid.\",\"status\":400}");
        }
        Answer scriptedAnswer = next(to);
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        accepted.add(new Accepted("sms", to, null, headers(request), mapper.valueToTree(form)));
        return new Answer(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return fields;
    }

    private Answer next(String token) {
        Deque<Answer> answers = scripted.get(token);
        return answers == null ? null : answers.poll();
    }

    private static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        return headers;
    }

    private static String pem(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    @Override
    public void close() {
        server.close();
        vertx.close();
    }
}
