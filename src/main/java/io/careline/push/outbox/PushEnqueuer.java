package io.careline.push.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.security.Role;
import io.careline.consultation.ConsultationHoursService;
import io.careline.conversation.ParticipantService;
import io.careline.conversation.event.MessageStored;
import io.careline.conversation.event.TopicChanged;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.notification.event.NotificationFallback;
import io.careline.notification.event.NotificationRepeated;
import io.careline.notification.event.NotificationSent;
import io.careline.push.PushConfig;
import io.careline.push.model.Channel;
import io.careline.push.model.NewPush;
import io.careline.push.model.OutboxStore;
import io.careline.push.model.StoredFields;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the outbox rows of what was just stored, in the transaction that stores it, so that a push exists
 * exactly when its cause does. Whether a push is still wanted (the user came online, read it, muted the
 * session, is in quiet hours) is decided when it leaves, by {@link PushDispatcher}.
 */
@ApplicationScoped
public class PushEnqueuer {
    /** The device providers a message or notification goes to by default (the webhook is for rules only). */
    static final List<Channel> DEVICES = List.of(Channel.FCM, Channel.APNS, Channel.WECHAT, Channel.WECHAT_MP);
    static final String MESSAGE = "message";
    static final String NOTIFICATION = "notification";
    static final String CONSULTATION = "consultation";
    static final String ESCALATION = "escalation";

    @Inject
    OutboxStore outbox;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    PushConfig config;

    @Inject
    ParticipantService participants;

    @Inject
    UserService users;

    @Inject
    ConsultationHoursService hours;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** A session's newest message in this transaction from one sender, and who else should hear of it. */
    private record SessionMessages(String tenant, long sessionPk, String sessionId, String senderId, long seq,
            Set<String> recipients) {
    }

    /**
     * What this transaction will push, written in one statement just before it commits: messages collected per
     * session and sender (a group of messages costs one push per session, not one per message), and
     * notifications (a group of sends costs one statement, not one per notification).
     */
    private static final class Pending {
        final Map<String, SessionMessages> messages = new LinkedHashMap<>();
        final List<NewPush> notifications = new ArrayList<>();
    }

    void onMessage(@Observes MessageStored stored) {
        // A notice says nothing a push should announce; a topic's opening merges into the consultation's push.
        if (stored.author() == MessageStored.Author.NOTICE) {
            return;
        }
        Map<String, SessionMessages> pending = pending().messages;
        String key = stored.tenant() + "\n" + stored.sessionPk() + "\n" + stored.message().senderId();
        SessionMessages earlier = pending.get(key);
        Set<String> recipients = earlier != null ? earlier.recipients() : new LinkedHashSet<>();
        stored.recipients().stream().filter(userId -> !userId.equals(stored.message().senderId()))
                .forEach(recipients::add);
        pending.put(key, new SessionMessages(stored.tenant(), stored.sessionPk(), stored.message().sessionId(),
                stored.message().senderId(), stored.message().seq(), recipients));
    }

    void onNotification(@Observes NotificationSent sent) {
        List<String> audible = sent.deliveries().stream().filter(delivery -> !delivery.silent())
                .map(NotificationSent.Delivery::userId).toList();
        PushPlan plan = takePlan();
        boolean urgent = sent.notification().priority() == NotificationPriority.URGENT;
        Instant now = now();
        Instant due = urgent ? now : now.plus(config.coalesceWindow());
        if (plan != null) {
            // At once: the rule that planned it counts what it queued before its transaction ends.
            outbox.enqueue(new NewPush(sent.tenant(), audible, plan.channels(), NOTIFICATION, sent.notification().id(),
                    null, null, plan.template(), json(plan.fields()), null, priority(urgent), now), now);
            return;
        }
        pending().notifications.add(new NewPush(sent.tenant(), audible, DEVICES, NOTIFICATION, sent.notification().id(),
                null, null, NOTIFICATION, json(StoredFields.ofNotification(sent.notification().senderId(),
                        sent.notification().type())), "notifications", priority(urgent), due));
    }

    /**
     * An escalation repeat pushes the notification again, at once, to the recipient's devices; written with the
     * other steps of the worker's transaction in one statement.
     */
    void onRepeated(@Observes NotificationRepeated repeated) {
        queueEscalation(repeated.tenant(), repeated.userId(), repeated.notification(), DEVICES, NOTIFICATION);
    }

    /**
     * An escalation's fallback texts or emails the recipient, at once; what it says comes from the shipped
     * {@code escalation} template (allow-listed fields only), and whether it still goes is judged as it leaves.
     */
    void onFallback(@Observes NotificationFallback fallback) {
        Channel channel = fallback.medium() == NotificationFallback.Medium.SMS ? Channel.SMS : Channel.EMAIL;
        queueEscalation(fallback.tenant(), fallback.userId(), fallback.notification(), List.of(channel), ESCALATION);
    }

    /** An escalation step's push of a notification to one user: urgent, due now, never merged with others. */
    private void queueEscalation(String tenant, String userId, NotificationView notification, List<Channel> channels,
            String template) {
        pending().notifications.add(new NewPush(tenant, List.of(userId), channels, NOTIFICATION, notification.id(),
                null, null, template, json(StoredFields.ofNotification(notification.senderId(), notification.type())),
                null, "urgent", now()));
    }

    /**
     * A new consultation reaches the session's doctors, each inside their consultation hours. It shares the
     * session's collapse key, so the messages that open it merge into it instead of waking the doctor.
     */
    void onTopic(@Observes TopicChanged changed) {
        if (changed.change() != TopicChanged.Change.OPENED) {
            return;
        }
        List<String> members = participants.activeUserIds(changed.sessionPk());
        List<String> doctors = users.rolesIn(changed.tenant(), members).entrySet().stream()
                .filter(entry -> entry.getValue() == Role.DOCTOR).map(Map.Entry::getKey).sorted().toList();
        Instant now = now();
        hours.nextOpen(changed.tenant(), doctors, now).forEach((doctorId, due) -> outbox.enqueue(new NewPush(
                changed.tenant(), List.of(doctorId), DEVICES, CONSULTATION, changed.sessionId(), changed.sessionPk(),
                null, CONSULTATION, json(StoredFields.ofMessage(null)), "session:" + changed.sessionId(), "normal", due),
                now));
    }

    /** How many pushes a notification queued (within the transaction that stored it, they are all there). */
    public int queuedFor(String tenant, String notificationId) {
        return outbox.countFor(tenant, NOTIFICATION, notificationId);
    }

    /** Makes the notifications sent next in this transaction go out as the rule says (see {@link PushPlan}). */
    public void plan(PushPlan plan) {
        transaction.putResource(PushPlan.class, plan);
    }

    private PushPlan takePlan() {
        if (transaction.getTransactionKey() == null) {
            return null;
        }
        PushPlan plan = (PushPlan) transaction.getResource(PushPlan.class);
        transaction.putResource(PushPlan.class, null);
        return plan;
    }

    private Pending pending() {
        Pending pending = (Pending) transaction.getResource(PushEnqueuer.class);
        if (pending == null) {
            Pending created = new Pending();
            transaction.putResource(PushEnqueuer.class, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            return created;
        }
        return pending;
    }

    private void write(Pending pending) {
        Instant now = now();
        Instant due = now.plus(config.coalesceWindow());
        List<NewPush> pushes = new ArrayList<>(pending.notifications);
        for (SessionMessages each : pending.messages.values()) {
            pushes.add(new NewPush(each.tenant(), new ArrayList<>(each.recipients()), DEVICES, MESSAGE,
                    each.sessionId(), each.sessionPk(), each.seq(), MESSAGE, json(StoredFields.ofMessage(
                            each.senderId())), "session:" + each.sessionId(), "normal", due));
        }
        outbox.enqueueAll(pushes, now);
    }

    private static String priority(boolean urgent) {
        return urgent ? "urgent" : "normal";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    String json(StoredFields fields) {
        try {
            return mapper.writeValueAsString(Objects.requireNonNull(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are always serialisable", e);
        }
    }
}
