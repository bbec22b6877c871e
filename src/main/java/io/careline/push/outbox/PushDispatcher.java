package io.careline.push.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Role;
import io.careline.consultation.ConsultationHoursService;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.api.MemberState;
import io.careline.notification.OfflineInbox;
import io.careline.notification.OnlineUsers;
import io.careline.notification.Silence;
import io.careline.notification.api.NotificationPriority;
import io.careline.push.PushFields;
import io.careline.push.PushSettingsService;
import io.careline.push.PushTemplates;
import io.careline.push.api.PushSettingsView;
import io.careline.push.api.PushText;
import io.careline.push.channel.Channels;
import io.careline.push.channel.Outgoing;
import io.careline.push.channel.PushChannel;
import io.careline.push.channel.SendResult;
import io.careline.push.model.Channel;
import io.careline.push.model.ClaimedPush;
import io.careline.push.model.StoredFields;
import io.careline.user.Contact;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Decides, for claimed pushes of one tenant, which still go out and with what words, then sends them all at
 * once through their channels. Everything it reads is read for the whole batch (presence, badges, member
 * states, quiet hours, senders, rule texts), never per push.
 */
@ApplicationScoped
class PushDispatcher {
    static final String RULE_PREFIX = "rule:";

    @Inject
    OnlineUsers onlineUsers;

    @Inject
    OfflineInbox inbox;

    @Inject
    Silence silence;

    @Inject
    ParticipantService participants;

    @Inject
    UserService users;

    @Inject
    PushSettingsService settings;

    @Inject
    RuleTexts ruleTexts;

    @Inject
    ConsultationHoursService hours;

    @Inject
    PushTemplates templates;

    @Inject
    Channels channels;

    @Inject
    ObjectMapper mapper;

    /** A push that goes out, or the reason it does not, or when it may (a doctor outside consultation hours). */
    record Decision(ClaimedPush push, Outgoing outgoing, String skipped, String dead, Instant deferredUntil) {
        static Decision skip(ClaimedPush push, String reason) {
            return new Decision(push, null, reason, null, null);
        }

        static Decision kill(ClaimedPush push, String reason) {
            return new Decision(push, null, null, reason, null);
        }
    }

    /** What the batch knows of one tenant, read once. */
    private record Facts(StillWanted wanted, Map<String, Long> badges, Map<String, Role> senderRoles,
            Map<String, String> senderNames, PushSettingsView settings, Map<String, RuleTexts.Texts> rules,
            Map<String, Instant> opens, Map<String, Contact> contacts, Instant now) {
    }

    /**
     * Which of the pushes' users are online, asked before the batch's transaction opens: no database connection
     * is held across a Redis round trip, and the transaction's context is not handed to Redis callbacks.
     */
    Set<String> online(String tenant, List<ClaimedPush> pushes) {
        // Presence unavailable: push anyway, a duplicate beats a silent miss.
        return onlineUsers.online(tenant, usersOf(pushes)).orElse(Set.of());
    }

    /** Decides the claimed pushes of one tenant, {@code online} being those of their users who are connected. */
    List<Decision> decide(String tenant, List<ClaimedPush> pushes, Set<String> online, Instant now) {
        Map<Long, StoredFields> fields = new HashMap<>();
        pushes.forEach(push -> fields.put(push.pk(), read(push.fields())));
        Facts facts = facts(tenant, pushes, fields, online, now);
        List<Decision> decisions = new ArrayList<>();
        for (ClaimedPush push : pushes) {
            decisions.add(decide(push, fields.get(push.pk()), facts));
        }
        return decisions;
    }

    private Decision decide(ClaimedPush push, StoredFields fields, Facts facts) {
        PushChannel channel = channels.of(push.channel());
        if (push.device() == null && push.channel().toDevices()) {
            return Decision.skip(push, "device_gone");
        }
        // Read as it leaves: a number or address removed from the profile since the step is not used.
        String address = push.channel().toContact() ? address(push, facts) : null;
        if (push.channel().toContact() && address == null) {
            return Decision.skip(push, "no_address");
        }
        if (!channel.configured()) {
            return Decision.kill(push, "channel_off");
        }
        String skipped = facts.wanted().skipReason(push, typeOf(fields));
        if (skipped != null) {
            return Decision.skip(push, skipped);
        }
        Instant opens = facts.opens().get(push.userId());
        if (PushEnqueuer.MESSAGE.equals(push.cause()) && opens != null && opens.isAfter(facts.now())) {
            return new Decision(push, null, null, null, opens);
        }
        String locale = push.device() == null ? "en" : push.device().locale();
        PushText text;
        String templateKey = push.template();
        if (templateKey.startsWith(RULE_PREFIX)) {
            RuleTexts.Texts rule = facts.rules().get(templateKey.substring(RULE_PREFIX.length()));
            text = rule == null ? null : templates.ofRule(rule.templates(), ruleChannel(push.channel()), locale);
            if (text == null) {
                return Decision.kill(push, "no_template");
            }
            templateKey = rule.scenario();
        } else {
            text = templates.shipped(templateKey, locale);
        }
        PushText rendered = templates.render(text, fields(push, fields, facts));
        Map<String, String> data = new HashMap<>();
        data.put("kind", push.cause());
        data.put(PushEnqueuer.NOTIFICATION.equals(push.cause()) ? "notificationId" : "sessionId", push.causeRef());
        return new Decision(push, new Outgoing(push.pushId(), push.tenant(), push.userId(),
                push.device() == null ? address : push.device().token(), templateKey, rendered,
                facts.badges().getOrDefault(push.userId(), 0L), push.collapseKey(), "urgent".equals(push.priority()),
                data), null, null, null);
    }

    private static String address(ClaimedPush push, Facts facts) {
        Contact contact = facts.contacts().getOrDefault(push.userId(), Contact.NONE);
        return push.channel() == Channel.SMS ? contact.phone() : contact.email();
    }

    private PushFields fields(ClaimedPush push, StoredFields fields, Facts facts) {
        Role role = fields.senderId() == null ? null : facts.senderRoles().get(fields.senderId());
        // A sender is named only where the tenant allows it, and never a patient.
        String name = facts.settings().showSenderName() && role != null && role != Role.PATIENT
                ? facts.senderNames().get(fields.senderId()) : null;
        return new PushFields(facts.settings().hospitalName(), role == null ? null : role.wire(), name,
                push.coalesced(), fields.notificationType(), push.priority(), fields.scenario(), fields.entity(),
                fields.fromState(), fields.toState());
    }

    private Facts facts(String tenant, List<ClaimedPush> pushes, Map<Long, StoredFields> fields,
            Set<String> online, Instant now) {
        List<String> userIds = usersOf(pushes);
        Map<String, MemberState> members = new HashMap<>();
        pushes.stream().filter(p -> PushEnqueuer.MESSAGE.equals(p.cause()))
                .collect(Collectors.groupingBy(ClaimedPush::sessionPk,
                        Collectors.mapping(ClaimedPush::userId, Collectors.toSet())))
                .forEach((sessionPk, users) -> participants.memberStates(tenant, sessionPk, users)
                        .forEach(state -> members.put(StillWanted.memberKey(sessionPk, state.userId()), state)));
        List<ClaimedPush> offApp = pushes.stream().filter(p -> p.channel().toContact()).toList();
        Set<String> unread = copies(pushes.stream().filter(p -> PushEnqueuer.NOTIFICATION.equals(p.cause())
                && !p.channel().toContact()).toList(), (id, users) -> inbox.unreadCopies(tenant, id, users));
        Set<String> unacknowledged = copies(offApp, (id, users) -> inbox.unacknowledgedCopies(tenant, id, users));
        Set<String> silenced = new HashSet<>();
        pushes.stream().collect(Collectors.groupingBy(p -> new TypeAndPriority(typeOf(fields.get(p.pk())),
                p.priority()), Collectors.mapping(ClaimedPush::userId, Collectors.toSet())))
                .forEach((judged, users) -> silence.among(tenant, judged.type(),
                        NotificationPriority.fromWire(judged.priority()), List.copyOf(users), now)
                        .forEach(userId -> silenced.add(StillWanted.silenceKey(judged.type(), judged.priority(),
                                userId))));
        List<String> senders = fields.values().stream().map(StoredFields::senderId).filter(s -> s != null)
                .distinct().toList();
        List<String> ruleIds = pushes.stream().map(ClaimedPush::template).filter(t -> t.startsWith(RULE_PREFIX))
                .map(t -> t.substring(RULE_PREFIX.length())).distinct().toList();
        // A doctor's consultation hours hold back message pushes to them too, not only the new consultation's.
        List<String> messaged = pushes.stream().filter(p -> PushEnqueuer.MESSAGE.equals(p.cause()))
                .map(ClaimedPush::userId).distinct().toList();
        return new Facts(new StillWanted(online, members, unread, silenced, unacknowledged),
                inbox.badges(tenant, userIds), senders.isEmpty() ? Map.of() : users.rolesIn(tenant, senders),
                senders.isEmpty() ? Map.of() : users.displayNamesIn(tenant, senders), settings.of(tenant),
                ruleTexts.of(tenant, ruleIds), hours.nextOpen(tenant, messaged, now),
                offApp.isEmpty() ? Map.of() : users.contactsIn(tenant, usersOf(offApp)), now);
    }

    /**
     * The notification copies of the pushes that {@code still} keeps (one read per notification), by
     * {@link StillWanted#unreadKey}.
     */
    private static Set<String> copies(List<ClaimedPush> pushes, BiFunction<String, Set<String>, Set<String>> still) {
        Set<String> kept = new HashSet<>();
        pushes.stream().collect(Collectors.groupingBy(ClaimedPush::causeRef,
                Collectors.mapping(ClaimedPush::userId, Collectors.toSet())))
                .forEach((notificationId, users) -> still.apply(notificationId, users)
                        .forEach(userId -> kept.add(StillWanted.unreadKey(notificationId, userId))));
        return kept;
    }

    private static List<String> usersOf(List<ClaimedPush> pushes) {
        return pushes.stream().map(ClaimedPush::userId).distinct().toList();
    }

    /** The notification type quiet hours and disabled types are judged by; messages count as type "message". */
    private static String typeOf(StoredFields fields) {
        return fields.notificationType() != null ? fields.notificationType() : PushEnqueuer.MESSAGE;
    }

    /** Quiet hours and disabled types are read once per type and priority of the batch. */
    private record TypeAndPriority(String type, String priority) {
    }

    /** Sends every decided push at once; a channel failing outright counts as a retryable failure. */
    Map<Long, SendResult> send(List<Decision> decisions) {
        Map<Long, CompletableFuture<SendResult>> sends = new HashMap<>();
        for (Decision decision : decisions) {
            if (decision.outgoing() == null) {
                continue;
            }
            sends.put(decision.push().pk(), channels.of(decision.push().channel()).send(decision.outgoing())
                    .toCompletableFuture()
                    .exceptionally(failure -> SendResult.retry(Optional.ofNullable(rootCause(failure).getMessage())
                            .orElse(rootCause(failure).getClass().getSimpleName()))));
        }
        CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new)).join();
        Map<Long, SendResult> results = new HashMap<>();
        sends.forEach((pk, future) -> results.put(pk, future.join()));
        return results;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String ruleChannel(Channel channel) {
        return switch (channel) {
            case FCM, APNS -> "app";
            case WECHAT, WECHAT_MP -> "wechat";
            case WEBHOOK -> "webhook";
            // Rules do not send these; escalation's texts are shipped.
            case SMS, EMAIL -> PushTemplates.DEFAULT_CHANNEL;
        };
    }

    private StoredFields read(String json) {
        try {
            return mapper.readValue(json, StoredFields.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored push fields unreadable", e);
        }
    }
}
