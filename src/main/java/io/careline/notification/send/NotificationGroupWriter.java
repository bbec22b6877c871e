package io.careline.notification.send;

import io.careline.common.problem.DomainException;
import io.careline.common.security.Role;
import io.careline.notification.Silence;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.notification.event.NotificationSent;
import io.careline.notification.model.InboxStore;
import io.careline.notification.model.LogAction;
import io.careline.notification.model.Notification;
import io.careline.notification.model.NotificationStore;
import io.careline.notification.model.NotificationStore.SenderKey;
import io.careline.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a group of checked sends in one transaction with a handful of statements for the whole group: the
 * retried keys and the named users' profiles read once, the notifications inserted in one statement, every
 * recipient's inbox advanced and its row inserted in multi-row statements, the {@code sent} log lines in one.
 * Each send gets its own result: its notification, the first one of a retried key, or a refusal that
 * concerns it alone and writes nothing. Observers push the copies once the transaction commits.
 */
@ApplicationScoped
class NotificationGroupWriter {
    @Inject
    NotificationStore notifications;

    @Inject
    InboxStore inbox;

    @Inject
    UserService users;

    @Inject
    RecipientResolver resolver;

    @Inject
    Silence silence;

    @Inject
    Event<NotificationSent> sent;

    /** A send this group stores, its notification and its recipients in user-id order. */
    private record Admitted(PendingNotification send, Notification notification, List<String> recipients) {
    }

    /** Sets every send's result; throws (and stores nothing) only when the group as a whole failed. */
    @Transactional
    void write(List<PendingNotification> group) {
        Map<SenderKey, Notification> stored = notifications.byKeys(group.stream().map(PendingNotification::senderKey)
                .filter(Objects::nonNull).toList());
        Map<String, Map<String, Role>> profiles = namedProfiles(group);
        List<Admitted> admitted = new ArrayList<>();
        for (PendingNotification send : group) {
            SenderKey key = send.senderKey();
            Notification first = key == null ? null : stored.get(key);
            if (first != null) {
                send.accept(SentNotification.repeated(first));
                continue;
            }
            try {
                List<String> recipients = resolver.recipients(send, profiles.getOrDefault(send.caller.tenant(),
                        Map.of()));
                Notification notification = send.notification(recipients.size());
                if (key != null) {
                    stored.put(key, notification);
                }
                admitted.add(new Admitted(send, notification, recipients));
            } catch (DomainException refused) {
                send.refuse(refused);
            }
        }
        if (!admitted.isEmpty()) {
            store(admitted);
        }
    }

    /** The profiles of the users the group names, per tenant: one read per tenant for the whole group. */
    private Map<String, Map<String, Role>> namedProfiles(List<PendingNotification> group) {
        Map<String, Set<String>> named = new HashMap<>();
        for (PendingNotification send : group) {
            if (send.request.recipients() != null) {
                named.computeIfAbsent(send.caller.tenant(), tenant -> new LinkedHashSet<>())
                        .addAll(send.request.recipients());
            }
        }
        Map<String, Map<String, Role>> profiles = new HashMap<>();
        named.forEach((tenant, userIds) -> profiles.put(tenant, users.rolesIn(tenant, List.copyOf(userIds))));
        return profiles;
    }

    private void store(List<Admitted> admitted) {
        notifications.insert(admitted.stream().map(Admitted::notification).toList());
        Map<String, Silence.Settings> settings = settings(admitted);
        List<InboxStore.NewRecipient> rows = new ArrayList<>();
        List<InboxStore.LogLine> lines = new ArrayList<>();
        List<Set<String>> silentOf = new ArrayList<>();
        for (Admitted each : admitted) {
            Notification n = each.notification;
            Set<String> silent = settings.getOrDefault(n.tenantId, Silence.Settings.NONE).silentAmong(n.type, n.priority, each.recipients,
                    n.createdAt);
            silentOf.add(silent);
            for (String userId : each.recipients) {
                rows.add(new InboxStore.NewRecipient(n.tenantId, n.pk, n.priority.rank(), userId,
                        silent.contains(userId)));
            }
            lines.add(new InboxStore.LogLine(n.tenantId, n.pk, null, LogAction.SENT, n.senderId, n.createdAt));
        }
        long[] nseqs = inbox.insertRecipients(rows);
        inbox.insertLog(lines);
        int row = 0;
        for (int i = 0; i < admitted.size(); i++) {
            Admitted each = admitted.get(i);
            List<NotificationSent.Delivery> deliveries = new ArrayList<>(each.recipients.size());
            for (String userId : each.recipients) {
                deliveries.add(new NotificationSent.Delivery(userId, nseqs[row++], silentOf.get(i).contains(userId)));
            }
            sent.fire(new NotificationSent(each.notification.tenantId, each.notification.pk,
                    NotificationView.of(each.notification), deliveries, each.send.request().escalationPolicyId()));
            each.send.accept(new SentNotification(each.notification, each.recipients, true));
        }
    }

    /** Each tenant's recipients' settings, read once for the whole group whatever the types (urgent needs none). */
    private Map<String, Silence.Settings> settings(List<Admitted> admitted) {
        Map<String, Set<String>> byTenant = new HashMap<>();
        admitted.stream().filter(each -> each.notification.priority != NotificationPriority.URGENT)
                .forEach(each -> byTenant.computeIfAbsent(each.notification.tenantId, tenant -> new LinkedHashSet<>())
                        .addAll(each.recipients));
        Map<String, Silence.Settings> settings = new HashMap<>();
        byTenant.forEach((tenant, userIds) -> settings.put(tenant, silence.settingsOf(tenant, List.copyOf(userIds))));
        return settings;
    }
}
