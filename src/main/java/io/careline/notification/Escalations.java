package io.careline.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careline.common.security.Caller;
import io.careline.common.security.CurrentTenant;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.send.NotificationSender;
import io.careline.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Escalation scans, and the urgent {@code response_overdue} notification for work waiting past its first-response target (an
 * unanswered consultation, a waiting support room), sent by Careline itself to the staff responsible, once per
 * item (its ref is the idempotency key). Carries ids only, never what the patient wrote.
 */
@ApplicationScoped
public class Escalations {
    public static final String TYPE = "response_overdue";
    private static final Logger LOG = Logger.getLogger(Escalations.class);
    private static final Set<Role> STAFF = Set.of(Role.DOCTOR, Role.NURSE, Role.AGENT, Role.ADMIN);

    @Inject
    NotificationSender notifications;

    @Inject
    UserService users;

    @Inject
    CurrentTenant currentTenant;

    /**
     * One scan of a feature's overdue items: listed in one transaction, then each escalated in its own, under its
     * tenant ({@code escalate} marks it escalated, conditionally, and raises the notification); how many it
     * escalated. Every node scans; the conditional mark decides which one sends.
     */
    @ActivateRequestContext
    public <T> int scan(Supplier<List<T>> overdue, Function<T, String> tenantOf, Predicate<T> escalate) {
        List<T> items = QuarkusTransaction.requiringNew().call(overdue::get);
        int escalated = 0;
        for (T item : items) {
            boolean raised = QuarkusTransaction.requiringNew().call(() -> {
                // Before the first ORM call of this transaction: its session takes the tenant it opens with.
                currentTenant.use(tenantOf.apply(item));
                return escalate.test(item);
            });
            if (raised) {
                escalated++;
            }
        }
        return escalated;
    }

    /**
     * Stores the notification in the caller's transaction for those of {@code staff} with a staff profile;
     * false (and a log line) when none has one.
     */
    public boolean raise(String tenant, Collection<String> staff, String title, String ref, ObjectNode metadata) {
        List<String> reachable = users.rolesIn(tenant, List.copyOf(staff)).entrySet().stream()
                .filter(entry -> STAFF.contains(entry.getValue())).map(java.util.Map.Entry::getKey).sorted().toList();
        if (reachable.isEmpty()) {
            LOG.warnf("%s in tenant %s is overdue and nobody with a staff profile is responsible for it", ref, tenant);
            return false;
        }
        Caller careline = new Caller(tenant, "careline", Set.of(Role.SERVICE), "Careline");
        notifications.store(careline, new SendNotificationRequest(reachable, null, null, null, null, TYPE, title,
                "Waiting past its first-response target: " + ref + ".", NotificationPriority.URGENT, metadata, null,
                "overdue:" + ref, null, null, null));
        return true;
    }
}
