package io.careline.push.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.security.Caller;
import io.careline.notification.send.NotificationSender;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.push.PushFields;
import io.careline.push.PushSettingsService;
import io.careline.push.PushTemplates;
import io.careline.push.api.EventResult;
import io.careline.push.api.PushText;
import io.careline.push.api.RuleView;
import io.careline.push.model.Channel;
import io.careline.push.model.RuleChannel;
import io.careline.push.model.StoredFields;
import io.careline.push.outbox.PushEnqueuer;
import io.careline.push.outbox.PushPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Fires one rule for one event in the caller's transaction: a notification to the rule's subject, pushed
 * through the rule's channels with its texts. Idempotent per rule and event (the notification's key).
 */
@ApplicationScoped
public class RuleFiring {
    @Inject
    NotificationSender notifications;

    @Inject
    PushEnqueuer enqueuer;

    @Inject
    PushTemplates templates;

    @Inject
    PushSettingsService settings;

    @Inject
    ObjectMapper mapper;

    /** What a rule fires on: the event as stored. */
    public record Fact(String eventId, String entity, String entityId, String fromState, String toState,
            Map<String, List<String>> subjects) {
    }

    public EventResult.Match fire(Caller caller, RuleView rule, Fact event) {
        List<String> recipients = event.subjects().getOrDefault(rule.recipient(), List.of());
        if (recipients.isEmpty()) {
            return new EventResult.Match(rule.id(), rule.scenario(), null, 0, 0, null);
        }
        // The inbox copy reads like the app push (its texts, or the default ones) in the rule's first language.
        PushText inbox = templates.ofRule(rule.templates(), "app", "en");
        PushText text = templates.render(inbox, new PushFields(settings.of(caller.tenant()).hospitalName(),
                "service", null, 1, rule.notificationType(), rule.priority() == null ? null : rule.priority().wire(),
                rule.scenario(), event.entity(), event.fromState(), event.toState()));
        ObjectNode metadata = mapper.createObjectNode().put("scenario", rule.scenario()).put("entity", event.entity())
                .put("entityId", event.entityId()).put("state", event.toState()).put("eventId", event.eventId());
        enqueuer.plan(new PushPlan(providers(rule.channels()), "rule:" + rule.id(), new StoredFields(null,
                rule.notificationType(), rule.scenario(), event.entity(), event.fromState(), event.toState())));
        try {
            var sent = notifications.store(caller, new SendNotificationRequest(recipients, null, null, null, null,
                    rule.notificationType(), text.title(), text.body(), rule.priority(), metadata, null,
                    "rule:" + rule.id() + ":" + event.eventId(), null, null, null));
            String notificationId = sent.value().notificationId();
            return new EventResult.Match(rule.id(), rule.scenario(), notificationId, sent.value().recipientCount(),
                    enqueuer.queuedFor(caller.tenant(), notificationId), null);
        } finally {
            enqueuer.plan(null);
        }
    }

    private static List<Channel> providers(List<RuleChannel> channels) {
        return channels.stream().flatMap(channel -> channel.providers().stream()).toList();
    }
}
