package io.careline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.careline.testing.Actor;
import io.careline.testing.FakeMail;
import io.careline.testing.FakeProviders;
import io.careline.testing.Http;
import io.careline.testing.PackagedApp;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (jar, or the native executable with -Dnative) pushes through every channel to the
 * local provider servers: FCM's token exchange (RS256) and send, APNs over HTTP/2 with an ES256 provider token,
 * a WeChat template message with its shared access token, a signed webhook, the texts rendered by Qute from
 * rules; and an escalation's text through Twilio's API and its email over SMTP. What the native image lacks
 * (reflection, providers, HTTP/2, the mailer) fails here.
 */
class PushPackagedIT {
    private static FakeProviders providers;
    private static GreenMail mail;
    private static PackagedApp app;

    /** The tenant the test profile configures a webhook for; names below are unique per run. */
    final String tenant = FakeProviders.WEBHOOK_TENANT;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Actor his = Actor.of(tenant, "his", "service");
    final Actor admin = Actor.of(tenant, "admin-push", "admin");

    @BeforeAll
    static void start() throws Exception {
        providers = FakeProviders.get();
        mail = FakeMail.get();
        app = PackagedApp.start(Map.of("SMALLRYE_CONFIG_LOCATIONS", FakeProviders.nodeConfig(Map.of(
                "careline.push.poll-interval", "200ms", "careline.push.coalesce-window", "1s",
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(FakeMail.PORT)))
                .toString()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void notificationsReachFcmAndApnsDevicesAndRulesReachWeChatAndTheWebhook() throws Exception {
        Actor android = device("and-" + run, "{\"platform\":\"android\",\"provider\":\"fcm\",\"token\":\"fcm-" + run
                + "\",\"clientType\":\"patient\"}");
        Actor iphone = device("ios-" + run, "{\"platform\":\"ios\",\"provider\":\"apns\",\"token\":\"apns-" + run
                + "\",\"clientType\":\"patient\",\"locale\":\"zh-CN\"}");
        Actor wechat = device("wx-" + run, "{\"platform\":\"wechat\",\"provider\":\"wechat\",\"token\":\"openid-" + run
                + "\",\"clientType\":\"patient\"}");
        HttpResponse<String> sent = Http.post(app.api("/api/v1/notifications"), his, "{\"recipients\":[\""
                + android.userId() + "\",\"" + iphone.userId() + "\"],\"type\":\"system_alert\",\"title\":\"Ward 3\","
                + "\"content\":\"Lab result for bed 12\",\"priority\":\"urgent\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> !providers.acceptedFor("fcm-" + run).isEmpty()
                && !providers.acceptedFor("apns-" + run).isEmpty());
        assertThat(providers.acceptedFor("fcm-" + run).get(0).body().path("notification").path("body").asText())
                .isEqualTo("Urgent: you have a new notification");
        assertThat(providers.acceptedFor("apns-" + run).get(0).body().path("aps").path("alert").path("body").asText())
                .isEqualTo("紧急：您有一条新通知");
        assertThat(providers.acceptedFor("apns-" + run).get(0).body().toString()).doesNotContain("bed 12");

        HttpResponse<String> type = Http.put(app.api("/api/v1/notification-types/order_update"), admin,
                "{\"defaultPriority\":\"normal\",\"senderRoles\":[\"service\"],\"recipientRoles\":[\"patient\"]}");
        assertThat(type.statusCode()).as(type.body()).isIn(200, 201);
        String entity = "order_" + run;
        HttpResponse<String> rule = Http.post(app.api("/api/v1/push/rules"), admin, "{\"scenario\":\"accepted_" + run
                + "\",\"entity\":\"" + entity + "\",\"states\":[\"accepted\"],\"recipient\":\"patient\","
                + "\"notificationType\":\"order_update\",\"channels\":[\"wechat\",\"webhook\"],\"templates\":"
                + "{\"default\":{\"en\":{\"title\":\"{hospital ?: 'Careline'}\",\"body\":\"Your {entity} is {toState}\"}}}}");
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        HttpResponse<String> event = Http.post(app.api("/api/v1/events"), his, "{\"eventId\":\"e-" + run
                + "\",\"entity\":\"" + entity + "\",\"entityId\":\"881\",\"toState\":\"accepted\",\"occurredAt\":\""
                + Instant.now() + "\",\"subjects\":{\"patient\":[\"" + wechat.userId() + "\"]},"
                + "\"data\":{\"patientName\":\"Zhang San\"}}");
        assertThat(event.statusCode()).as(event.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !providers.acceptedFor("openid-" + run).isEmpty()
                && !providers.acceptedFor(wechat.userId()).isEmpty());
        assertThat(providers.acceptedFor("openid-" + run).get(0).body().path("data").path("thing2").path("value")
                .asText()).isEqualTo("Your " + entity + " is accepted");
        FakeProviders.Accepted hook = providers.acceptedFor(wechat.userId()).get(0);
        assertThat(hook.body().path("body").asText()).isEqualTo("Your " + entity + " is accepted");
        assertThat(hook.body().toString()).doesNotContain("Zhang");
    }

    @Test
    void anUnacknowledgedAlertIsTextedThenEmailed() throws Exception {
        String nurse = "nurse-" + run;
        String phone = "+1555" + (1_000_000 + Math.abs(run.hashCode() % 9_000_000));
        assertThat(Http.put(app.api("/api/v1/users/" + nurse), his, "{\"role\":\"nurse\",\"phone\":\"" + phone
                + "\",\"email\":\"" + nurse + "@hospital.test\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> policy = Http.put(app.api("/api/v1/escalation-policies/off-app-" + run), admin,
                "{\"steps\":[{\"afterSeconds\":1,\"action\":\"sms\"},{\"afterSeconds\":2,\"action\":\"email\"}]}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        HttpResponse<String> sent = Http.post(app.api("/api/v1/notifications"), his, "{\"recipients\":[\"" + nurse
                + "\"],\"type\":\"system_alert\",\"title\":\"Bed 12\",\"content\":\"Lactate 4.2\","
                + "\"escalationPolicyId\":\"off-app-" + run + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> !providers.acceptedFor(phone).isEmpty()
                && mail.getReceivedMessages().length > 0);
        assertThat(providers.acceptedFor(phone).get(0).body().path("Body").asText())
                .isEqualTo("Careline: Urgent: a notification is waiting for your acknowledgement");
        MimeMessage email = mail.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo(nurse + "@hospital.test");
        assertThat((String) email.getContent()).contains("acknowledge").doesNotContain("Lactate");
    }

    /** A patient with a profile and one device registered as described. */
    private Actor device(String userId, String registration) throws Exception {
        assertThat(Http.put(app.api("/api/v1/users/" + userId), his, "{\"role\":\"patient\"}").statusCode())
                .isIn(200, 201);
        Actor patient = Actor.of(tenant, userId, "patient");
        HttpResponse<String> registered = Http.put(app.api("/api/v1/me/devices/phone"), patient, registration);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return patient;
    }
}
