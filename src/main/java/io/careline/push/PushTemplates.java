package io.careline.push;

import io.careline.common.problem.DomainException;
import io.careline.push.api.PushText;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders push texts with Qute from {@link PushFields} only. Careline ships one text per cause in English and
 * Chinese; rules bring their own, checked when saved to name nothing but the allowed fields.
 */
@ApplicationScoped
public class PushTemplates {
    /** Key of the texts a rule falls back to for a channel it has no own text for. */
    public static final String DEFAULT_CHANNEL = "default";

    /** The texts Careline ships, by template key and language. */
    static final Map<String, Map<String, PushText>> SHIPPED = Map.of(
            "message", Map.of(
                    "en", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "New message from {#if senderName}{senderName}{#else if senderRole}your {senderRole}"
                                    + "{#else}your care team{/if}{#if count > 1} ({count} new){/if}"),
                    "zh", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "{#if senderName}{senderName}{#else}您的医护团队{/if}发来新消息{#if count > 1}（{count}条）{/if}")),
            "notification", Map.of(
                    "en", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "{#if priority == 'urgent'}Urgent: you{#else}You{/if} have a new notification"),
                    "zh", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "{#if priority == 'urgent'}紧急：{/if}您有一条新通知")),
            "escalation", Map.of(
                    "en", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "Urgent: a notification is waiting for your acknowledgement"),
                    "zh", new PushText("{#if hospital}{hospital}{#else}Careline{/if}", "紧急：您有一条通知等待确认")),
            "consultation", Map.of(
                    "en", new PushText("{#if hospital}{hospital}{#else}Careline{/if}",
                            "A patient is waiting for your consultation"),
                    "zh", new PushText("{#if hospital}{hospital}{#else}Careline{/if}", "您有一条新的咨询")));

    @Inject
    Engine engine;

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /** A shipped text in the device's language (its language part, then English). */
    public PushText shipped(String key, String locale) {
        Map<String, PushText> texts = SHIPPED.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no shipped push template " + key);
        }
        return pick(texts, locale);
    }

    /** A rule's text for the channel (or its default) in the device's language, falling back as shipped texts do. */
    public PushText ofRule(Map<String, Map<String, PushText>> templates, String channel, String locale) {
        Map<String, PushText> texts = templates.getOrDefault(channel, templates.get(DEFAULT_CHANNEL));
        return texts == null ? null : pick(texts, locale);
    }

    private static PushText pick(Map<String, PushText> texts, String locale) {
        String tag = locale == null ? "en" : locale;
        PushText text = texts.get(tag);
        if (text == null) {
            text = texts.get(Locale.forLanguageTag(tag).getLanguage());
        }
        if (text == null) {
            text = texts.get("en");
        }
        return text != null ? text : texts.values().iterator().next();
    }

    public PushText render(PushText text, PushFields fields) {
        Map<String, Object> data = fields.asMap();
        return new PushText(template(text.title()).data(data).render().strip(),
                template(text.body()).data(data).render().strip());
    }

    /** Refuses a rule text that does not parse or names anything but {@link PushFields#NAMES}. */
    public void check(String field, String text) {
        Template template;
        try {
            template = engine.parse(text);
        } catch (TemplateException invalid) {
            throw DomainException.invalid(field, "is not a valid template: " + invalid.getMessage());
        }
        for (Expression expression : template.getExpressions()) {
            if (expression.isLiteral()) {
                continue;
            }
            if (expression.hasNamespace()) {
                // inject:, config:, … would reach beans and configuration.
                throw DomainException.invalid(field, "may not use namespaces (" + expression.getNamespace() + ":)");
            }
            String name = expression.getParts().get(0).getName();
            if (!PushFields.NAMES.contains(name)) {
                throw DomainException.invalid(field, "may only use " + String.join(", ", PushFields.NAMES)
                        + ", not " + name);
            }
        }
    }

    private Template template(String text) {
        return parsed.computeIfAbsent(text, engine::parse);
    }
}
