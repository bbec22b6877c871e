package io.careline.push.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A text message through the Twilio Programmable Messaging API (docs/push.md, "SMS"): a form POST to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with basic auth. 2xx is accepted; 408, 429 and 5xx
 * are retried; the rest (an invalid or unsubscribed number, bad credentials) is dead, with Twilio's error code.
 */
@ApplicationScoped
public class SmsChannel implements PushChannel {
    /** Twilio refuses bodies longer than this. */
    static final int MAX_BODY = 1600;

    @Inject
    PushConfig config;

    @Inject
    ProviderHttp http;

    @Inject
    ObjectMapper mapper;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        PushConfig.Sms sms = config.sms();
        return sms.accountSid().isPresent() && sms.authToken().isPresent() && sms.from().isPresent();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        PushConfig.Sms sms = config.sms();
        String sid = sms.accountSid().orElseThrow();
        String text = push.text().title() + ": " + push.text().body();
        String form = "To=" + encode(push.token()) + "&From=" + encode(sms.from().orElseThrow()) + "&Body="
                + encode(text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text);
        String credentials = Base64.getEncoder().encodeToString((sid + ":" + sms.authToken().orElseThrow())
                .getBytes(StandardCharsets.UTF_8));
        return http.post(sms.baseUrl() + "/2010-04-01/Accounts/" + encode(sid) + "/Messages.json",
                Map.of("content-type", "application/x-www-form-urlencoded", "authorization", "Basic " + credentials),
                form, false).thenApply(reply -> SendResult.ofHttpStatus(reply.status(),
                        "HTTP " + reply.status() + errorCode(reply.body())));
    }

    /** Twilio's numbered error (e.g. 21211, an invalid To number), never the message it echoes. */
    private String errorCode(String body) {
        try {
            JsonNode code = mapper.readTree(body).path("code");
            return code.isNumber() ? " code " + code.asInt() : "";
        } catch (JsonProcessingException unreadable) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
