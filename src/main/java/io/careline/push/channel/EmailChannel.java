package io.careline.push.channel;

import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * An email over SMTP through quarkus-mailer (docs/push.md, "Email"): the allow-listed text and a link to the
 * console, never the notification's own words. A permanent SMTP refusal (5xx) is dead; anything else (a 4xx,
 * a server that cannot be reached) is retried.
 */
@ApplicationScoped
public class EmailChannel implements PushChannel {
    @Inject
    PushConfig config;

    @Inject
    ReactiveMailer mailer;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return config.email().from().isPresent();
    }

    @Override
    public CompletionStage<SendResult> send(Outgoing push) {
        Mail mail = Mail.withText(push.token(), push.text().body(), text(push))
                .setFrom(config.email().from().orElseThrow())
                .addHeader("Careline-Delivery", push.pushId());
        return mailer.send(mail).map(sent -> SendResult.delivered())
                .onFailure(SMTPException.class).recoverWithItem(refused -> refused((SMTPException) refused))
                .subscribeAsCompletionStage();
    }

    /** A server's refusal: a permanent one (5xx) is dead, a transient one (4xx) is retried; by its code alone. */
    static SendResult refused(SMTPException refusal) {
        String detail = "SMTP " + refusal.getReplyCode();
        return refusal.isPermanent() ? SendResult.dead(detail) : SendResult.retry(detail);
    }

    private String text(Outgoing push) {
        String open = config.email().consoleUrl().map(url -> "Open the Careline console to read and acknowledge it: "
                + url + (url.endsWith("/") ? "" : "/") + "#/notifications").orElse("Open Careline to read and"
                        + " acknowledge it.");
        return push.text().body() + "\n\n" + open + "\n\n" + push.text().title() + "\n";
    }
}
