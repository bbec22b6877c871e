package io.careline.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push outbox's workers and the four channels' endpoints and credentials. Credentials come from the
 * environment (the chart's secret), never from the database; a channel without credentials is off and its
 * pushes end as dead with outcome {@code channel_off}.
 */
@ConfigMapping(prefix = "careline.push")
public interface PushConfig {
    /** Whether this node's workers claim and send pushes (they always enqueue). */
    @WithDefault("true")
    boolean workersEnabled();

    /** How often an idle worker looks for due pushes. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most pushes one worker claims and sends at once. */
    @WithDefault("400")
    @Min(1)
    @Max(5000)
    int batchSize();

    /** How long a claimed push is this node's; after it another node may retry it. */
    @WithDefault("30s")
    Duration lease();

    /** Attempts before a push is dead. */
    @WithDefault("8")
    @Min(1)
    int maxAttempts();

    /** Wait before the first retry; each further retry doubles it (with up to 50 % jitter). */
    @WithDefault("5s")
    Duration backoffInitial();

    /** Longest wait between retries. */
    @WithDefault("1h")
    Duration backoffMax();

    /** A message push waits this long for more messages of the same session, which it then stands for. */
    @WithDefault("5s")
    Duration coalesceWindow();

    /** Longest wait for a provider's answer. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long finished pushes stay listed (the push log) before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    Fcm fcm();

    Apns apns();

    WeChat wechat();

    /** Signed webhooks to hospital systems, by tenant id. */
    Map<String, Webhook> webhook();

    Sms sms();

    Email email();

    /** Text messages through the Twilio Programmable Messaging API (escalation's {@code sms} step). */
    interface Sms {
        @WithDefault("https://api.twilio.com")
        String baseUrl();

        /** The account's SID: the user name of basic auth and part of the URL. */
        Optional<String> accountSid();

        /** The account's auth token: the password of basic auth. */
        Optional<String> authToken();

        /** The sending number (E.164) or alphanumeric sender id. */
        Optional<String> from();
    }

    /** Emails over SMTP through quarkus-mailer ({@code quarkus.mailer.*}: host, port, TLS, credentials). */
    interface Email {
        /** The sender address; email is off until it is set. */
        Optional<String> from();

        /** The console's address, linked from the email (e.g. https://careline.example.org/console/). */
        Optional<String> consoleUrl();
    }

    /** Firebase Cloud Messaging HTTP v1 with a service account. */
    interface Fcm {
        @WithDefault("https://fcm.googleapis.com")
        String baseUrl();

        Optional<String> projectId();

        /** The service account's client_email. */
        Optional<String> clientEmail();

        /** The service account's private_key (PKCS#8 PEM). */
        Optional<String> privateKey();

        /** Where the signed assertion is exchanged for an access token. */
        @WithDefault("https://oauth2.googleapis.com/token")
        String tokenUrl();
    }

    /** Apple Push Notification service over HTTP/2 with a provider token (.p8 key). */
    interface Apns {
        @WithDefault("https://api.push.apple.com")
        String baseUrl();

        Optional<String> teamId();

        Optional<String> keyId();

        /** The .p8 signing key (PKCS#8 PEM, EC P-256). */
        Optional<String> privateKey();

        /** The app's bundle id (apns-topic). */
        Optional<String> topic();

        /** A provider token is replaced after this age (Apple accepts one for an hour). */
        @WithDefault("50m")
        Duration tokenRefresh();
    }

    /** A WeChat Official Account (template messages) and a mini-program (subscribe messages). */
    interface WeChat {
        @WithDefault("https://api.weixin.qq.com")
        String baseUrl();

        App officialAccount();

        App miniProgram();

        /**
         * WeChat templates by Careline template key (message, notification, consultation) or rule scenario, and
         * {@code default} for the rest; a push with neither is dead with outcome {@code no_template}.
         */
        Map<String, Template> templates();

        /** Where a tapped WeChat message opens (a page of the mini-program or a URL of the account). */
        Optional<String> link();
    }

    /** A WeChat template and which of its fields carry the push's title and body. */
    interface Template {
        String id();

        @WithDefault("first")
        String titleField();

        @WithDefault("keyword1")
        String bodyField();
    }

    /** One WeChat app's credentials. */
    interface App {
        Optional<String> appId();

        Optional<String> appSecret();
    }

    /** One tenant's hospital-system endpoint and its signing secrets, the first signing (rotation: add, then drop). */
    interface Webhook {
        String url();

        List<String> secrets();
    }
}
