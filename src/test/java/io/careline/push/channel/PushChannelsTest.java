package io.careline.push.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.careline.push.api.PushText;
import io.careline.push.model.Channel;
import io.careline.testing.FakeProviders.Answer;
import io.careline.testing.FakeProviders;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each channel against the local server that speaks its provider's side: authentication, success, each error class. */
@QuarkusTest
class PushChannelsTest {
    @Inject
    FcmChannel fcm;

    @Inject
    ApnsChannel apns;

    @Inject
    WebhookChannel webhook;

    @Inject
    Channels channels;

    @Inject
    RedisDataSource redis;

    FakeProviders providers;

    @BeforeEach
    void providers() throws Exception {
        providers = FakeProviders.get();
        redis.key().del(FakeProviders.wechatTokenKeys());
    }

    @Test
    void fcmExchangesItsServiceAccountForOneCachedAccessTokenAndSends() throws Exception {
        int exchanges = providers.fcmTokenExchanges.get();
        Outgoing first = push("fcm-token-1", null);
        Outgoing second = push("fcm-token-2", null);
        assertThat(send(fcm, first).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(send(fcm, second).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.fcmTokenExchanges.get() - exchanges).isLessThanOrEqualTo(1);
        FakeProviders.Accepted accepted = providers.acceptedFor("fcm-token-1").get(0);
        assertThat(accepted.key()).isEqualTo(first.pushId());
        assertThat(accepted.body().path("notification").path("body").asText()).isEqualTo("You have a new notification");
        assertThat(accepted.body().path("android").path("collapse_key").asText()).isEqualTo("session:s1");
        assertThat(accepted.body().path("data").path("badge").asText()).isEqualTo("3");
    }

    @Test
    void fcmRefreshesARevokedAccessToken() throws Exception {
        assertThat(send(fcm, push("fcm-warm", null)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        int exchanges = providers.fcmTokenExchanges.get();
        providers.revokeFcmTokens();
        assertThat(send(fcm, push("fcm-revoked", null))).isEqualTo(SendResult.retry("UNAUTHENTICATED"));
        assertThat(send(fcm, push("fcm-revoked", null)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.fcmTokenExchanges.get()).isEqualTo(exchanges + 1);
    }

    @Test
    void fcmErrorsMapToGoneRetryAndDead() throws Exception {
        providers.script("fcm-dead", new Answer(404, FakeProviders.fcmError(404, "NOT_FOUND", "UNREGISTERED")),
                new Answer(429, FakeProviders.fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")),
                new Answer(400, FakeProviders.fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT")),
                new Answer(503, FakeProviders.fcmError(503, "UNAVAILABLE", "UNAVAILABLE")));
        assertThat(send(fcm, push("fcm-dead", null))).isEqualTo(SendResult.gone("UNREGISTERED"));
        assertThat(send(fcm, push("fcm-dead", null))).isEqualTo(SendResult.retry("QUOTA_EXCEEDED"));
        assertThat(send(fcm, push("fcm-dead", null))).isEqualTo(SendResult.dead("INVALID_ARGUMENT"));
        assertThat(send(fcm, push("fcm-dead", null))).isEqualTo(SendResult.retry("UNAVAILABLE"));
    }

    @Test
    void apnsSendsOverHttp2WithASignedProviderTokenAndTheHeadersApnsReads() throws Exception {
        Outgoing push = push("apns-device-1", null);
        assertThat(send(apns, push).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        FakeProviders.Accepted accepted = providers.acceptedFor("apns-device-1").get(0);
        assertThat(accepted.key()).isEqualTo(push.pushId());
        assertThat(accepted.headers()).containsEntry("apns-push-type", "alert").containsEntry("apns-priority", "5")
                .containsEntry("apns-collapse-id", "session:s1").containsEntry("apns-topic", FakeProviders.APNS_TOPIC);
        assertThat(accepted.body().path("aps").path("badge").asLong()).isEqualTo(3);
    }

    @Test
    void apnsErrorsMapToGoneRetryAndDead() throws Exception {
        providers.script("apns-dead", new Answer(410, "{\"reason\":\"Unregistered\"}"),
                new Answer(400, "{\"reason\":\"BadDeviceToken\"}"), new Answer(429, "{\"reason\":\"TooManyRequests\"}"),
                new Answer(403, "{\"reason\":\"ExpiredProviderToken\"}"), new Answer(400, "{\"reason\":\"PayloadEmpty\"}"));
        assertThat(send(apns, push("apns-dead", null))).isEqualTo(SendResult.gone("Unregistered"));
        assertThat(send(apns, push("apns-dead", null))).isEqualTo(SendResult.gone("BadDeviceToken"));
        assertThat(send(apns, push("apns-dead", null))).isEqualTo(SendResult.retry("TooManyRequests"));
        assertThat(send(apns, push("apns-dead", null))).isEqualTo(SendResult.retry("ExpiredProviderToken"));
        assertThat(send(apns, push("apns-dead", null))).isEqualTo(SendResult.dead("PayloadEmpty"));
        // The provider token signed anew after ExpiredProviderToken is accepted.
        assertThat(send(apns, push("apns-dead", null)).kind()).isEqualTo(SendResult.Kind.DELIVERED);
    }

    @Test
    void wechatFetchesOneAccessTokenRefetchesARefusedOneAndMapsErrcodes() throws Exception {
        var account = channels.of(Channel.WECHAT);
        assertThat(send(account, push("openid-1", "message")).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        int fetches = providers.wechatTokenFetches.get();
        assertThat(send(account, push("openid-2", "message")).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.wechatTokenFetches.get()).isEqualTo(fetches);
        FakeProviders.Accepted accepted = providers.acceptedFor("openid-1").get(0);
        assertThat(accepted.body().path("template_id").asText()).isEqualTo("TPL-MESSAGE");
        assertThat(accepted.body().path("data").path("first").path("value").asText()).isEqualTo("Careline");

        providers.expireWeChatTokens();
        assertThat(send(account, push("openid-3", "message"))).isEqualTo(SendResult.retry("errcode 40001"));
        assertThat(send(account, push("openid-3", "message")).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.wechatTokenFetches.get()).isEqualTo(fetches + 1);

        providers.script("openid-gone", new Answer(200, "{\"errcode\":43004,\"errmsg\":\"require subscribe\"}"),
                new Answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"),
                new Answer(200, "{\"errcode\":40037,\"errmsg\":\"invalid template_id\"}"));
        assertThat(send(account, push("openid-gone", "message"))).isEqualTo(SendResult.gone("errcode 43004"));
        assertThat(send(account, push("openid-gone", "message"))).isEqualTo(SendResult.retry("errcode 45009"));
        assertThat(send(account, push("openid-gone", "message"))).isEqualTo(SendResult.dead("errcode 40037"));
        assertThat(send(account, push("openid-1", "unmapped-template")).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.acceptedFor("openid-1").get(1).body().path("template_id").asText()).isEqualTo("TPL-ORDER");
    }

    @Test
    void miniProgramSendsSubscribeMessages() throws Exception {
        assertThat(send(channels.of(Channel.WECHAT_MP), push("mp-openid", "notification")).kind())
                .isEqualTo(SendResult.Kind.DELIVERED);
        assertThat(providers.acceptedFor("mp-openid").get(0).channel()).isEqualTo("wechat_mp");
    }

    @Test
    void webhookSignsEachDeliveryWithEverySecretAndTreatsServerErrorsAsRetryable() throws Exception {
        Outgoing push = new Outgoing(UUID.randomUUID().toString(), FakeProviders.WEBHOOK_TENANT, "nurse-1", null,
                "notification", new PushText("Careline", "You have a new notification"), 1, null, true, Map.of());
        assertThat(send(webhook, push).kind()).isEqualTo(SendResult.Kind.DELIVERED);
        FakeProviders.Accepted accepted = providers.acceptedFor("nurse-1").get(0);
        assertThat(accepted.key()).isEqualTo(push.pushId());
        assertThat(accepted.headers().get("careline-signature")).contains("v1=").contains(", v1=");
        providers.script("nurse-1", new Answer(503, "{}"), new Answer(400, "{}"));
        assertThat(send(webhook, push)).isEqualTo(SendResult.retry("HTTP 503"));
        assertThat(send(webhook, push)).isEqualTo(SendResult.dead("HTTP 400"));
        Outgoing elsewhere = new Outgoing(push.pushId(), "t-without-webhook", "nurse-1", null, "notification",
                push.text(), 1, null, true, Map.of());
        assertThat(send(webhook, elsewhere)).isEqualTo(SendResult.dead("channel_off"));
    }

    private static Outgoing push(String token, String template) {
        return new Outgoing(UUID.randomUUID().toString(), "t-channels", "u1", token,
                template == null ? "notification" : template,
                new PushText("Careline", "You have a new notification"), 3, "session:s1", false,
                Map.of("kind", "message", "sessionId", "s1"));
    }

    private static SendResult send(io.careline.push.channel.PushChannel channel, Outgoing push) throws Exception {
        return channel.send(push).toCompletableFuture().get();
    }
}
