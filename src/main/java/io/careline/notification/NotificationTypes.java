package io.careline.notification;

import io.careline.common.Outcome;
import io.careline.common.Times;
import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationTypeRequest;
import io.careline.notification.api.NotificationTypeView;
import io.careline.notification.model.NotificationType;
import io.careline.notification.model.NotificationTypeRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Each tenant's catalogue of notification types. A tenant's catalogue starts with seed 003's types, written
 * on its first use; admins then redefine, add and retire types. A retired type cannot be sent and is not
 * listed, and stays retired (the shipped types are written only where no row of that code exists).
 */
@ApplicationScoped
public class NotificationTypes {
    private static final Set<Role> STAFF_AND_SYSTEMS = EnumSet.of(Role.DOCTOR, Role.NURSE, Role.SERVICE, Role.ADMIN);
    private static final Set<Role> SYSTEMS = EnumSet.of(Role.SERVICE, Role.ADMIN);
    private static final Set<Role> CARE = EnumSet.of(Role.PATIENT, Role.DOCTOR, Role.NURSE);
    private static final Set<Role> PEOPLE = EnumSet.of(Role.PATIENT, Role.DOCTOR, Role.NURSE, Role.AGENT, Role.ADMIN);

    /** A type every tenant starts with. */
    record Shipped(String code, String description, NotificationPriority priority, Set<Role> senders,
            Set<Role> recipients) {

        /** The type as a new, unmanaged row. */
        NotificationType type() {
            NotificationType type = new NotificationType();
            type.code = code;
            type.description = description;
            type.defaultPriority = priority;
            type.senderRoles = NotificationType.join(senders);
            type.recipientRoles = NotificationType.join(recipients);
            return type;
        }
    }

    static final List<Shipped> SHIPPED = List.of(
            new Shipped("exam_result", "An examination result is available", NotificationPriority.HIGH,
                    STAFF_AND_SYSTEMS, CARE),
            new Shipped("appointment", "An appointment reminder", NotificationPriority.NORMAL,
                    EnumSet.of(Role.DOCTOR, Role.NURSE, Role.AGENT, Role.SERVICE, Role.ADMIN), CARE),
            new Shipped("record_created", "A medical record was created", NotificationPriority.NORMAL,
                    STAFF_AND_SYSTEMS, CARE),
            new Shipped("record_updated", "A medical record was updated", NotificationPriority.NORMAL,
                    STAFF_AND_SYSTEMS, CARE),
            new Shipped("record_accessed", "Someone opened a medical record", NotificationPriority.NORMAL, SYSTEMS,
                    CARE),
            new Shipped("permission_granted", "A permission was granted", NotificationPriority.NORMAL, SYSTEMS, PEOPLE),
            new Shipped("permission_revoked", "A permission was revoked", NotificationPriority.HIGH, SYSTEMS, PEOPLE),
            new Shipped("system_alert", "An alert about the system", NotificationPriority.URGENT, SYSTEMS, PEOPLE),
            new Shipped("system_maintenance", "Planned maintenance", NotificationPriority.HIGH, SYSTEMS, PEOPLE),
            new Shipped("welcome", "Welcome to the service", NotificationPriority.LOW, SYSTEMS, PEOPLE),
            new Shipped(Escalations.TYPE, "A consultation or support room waits past its first-response target",
                    NotificationPriority.URGENT, SYSTEMS, EnumSet.of(Role.DOCTOR, Role.NURSE, Role.AGENT, Role.ADMIN)));

    @Inject
    NotificationTypeRepository types;

    @Inject
    NotificationsConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Tenants whose shipped types this node has written (or found) already. */
    private final Set<String> shippedTo = ConcurrentHashMap.newKeySet();

    /** A tenant's sendable types as this node last read them, and when. */
    private record Catalogue(Map<String, SendableType> byCode, long readAtNanos) {
    }

    /**
     * The send path's copy of each tenant's catalogue: dropped when this node changes the catalogue, re-read
     * after {@code careline.notifications.catalogue-ttl} at most, which is how late another node's change arrives.
     */
    private final Map<String, Catalogue> catalogues = new ConcurrentHashMap<>();

    @Transactional
    public List<NotificationTypeView> list(Caller caller) {
        ship(caller.tenant());
        return types.active().stream().map(NotificationTypes::view).toList();
    }

    @Transactional
    public NotificationTypeView get(Caller caller, String code) {
        ship(caller.tenant());
        return types.findByCode(code).filter(type -> !type.retired).map(NotificationTypes::view)
                .orElseThrow(() -> notFound(code));
    }

    /** Whether the tenant's catalogue has the type and it is not retired (a rule may then name it). */
    @Transactional
    public boolean exists(Caller caller, String code) {
        ship(caller.tenant());
        return types.findByCode(code).filter(type -> !type.retired).isPresent();
    }

    /** The type a send names, which the caller's role must be allowed to send (from the cached catalogue). */
    public SendableType sendable(Caller caller, String code) {
        SendableType type = catalogue(caller.tenant()).get(code);
        if (type == null) {
            throw new DomainException(ErrorCode.UNKNOWN_NOTIFICATION_TYPE,
                    "The catalogue has no notification type " + code + ".");
        }
        if (!SendRules.maySend(caller, type)) {
            throw new DomainException(ErrorCode.NOTIFICATION_TYPE_FORBIDDEN,
                    "Type " + code + " may be sent by " + NotificationType.join(type.senders()) + " only.");
        }
        return type;
    }

    private Map<String, SendableType> catalogue(String tenant) {
        Catalogue cached = catalogues.get(tenant);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < config.catalogueTtl().toNanos()) {
            return cached.byCode();
        }
        long readAt = System.nanoTime();
        ship(tenant);
        Map<String, SendableType> byCode = QuarkusTransaction.requiringNew().call(() -> types.sendableIn(tenant)
                .stream().collect(Collectors.toUnmodifiableMap(type -> type.code, SendableType::of)));
        catalogues.put(tenant, new Catalogue(byCode, readAt));
        return byCode;
    }

    /** This node's copy of the catalogue is dropped once the change that made it stale has committed. */
    private void forgetAfterCommit(String tenant) {
        catalogues.remove(tenant);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                catalogues.remove(tenant);
            }
        });
    }

    /** Codes of the tenant's sendable types, for listing settings. */
    List<String> activeCodes(Caller caller) {
        ship(caller.tenant());
        return types.active().stream().map(type -> type.code).toList();
    }

    @Transactional
    public Outcome<NotificationTypeView> put(Caller caller, String code, NotificationTypeRequest request) {
        ship(caller.tenant());
        NotificationType type = types.findByCode(code).orElse(null);
        boolean created = type == null || type.retired;
        if (type == null) {
            type = new NotificationType();
            type.code = code;
        }
        type.description = request.description();
        type.defaultPriority = request.defaultPriority();
        type.senderRoles = NotificationType.join(request.senderRoles());
        type.recipientRoles = NotificationType.join(request.recipientRoles());
        type.retired = false;
        type.updatedAt = Times.now();
        forgetAfterCommit(caller.tenant());
        if (type.pk == null) {
            types.persist(type);
        }
        return new Outcome<>(view(type), created);
    }

    @Transactional
    public void retire(Caller caller, String code) {
        ship(caller.tenant());
        NotificationType type = types.findByCode(code).filter(found -> !found.retired)
                .orElseThrow(() -> notFound(code));
        type.retired = true;
        type.updatedAt = Times.now();
        forgetAfterCommit(caller.tenant());
    }

    private static DomainException notFound(String code) {
        return new DomainException(ErrorCode.NOTIFICATION_TYPE_NOT_FOUND, "No notification type " + code + ".");
    }

    static NotificationTypeView view(NotificationType type) {
        return new NotificationTypeView(type.code, type.description, type.defaultPriority, type.senders(),
                type.recipients());
    }

    /**
     * Writes the shipped types where the tenant has no type of their code, once per tenant and node, in a
     * transaction of its own: a refused send rolls its own transaction back, but the catalogue stays.
     */
    private void ship(String tenant) {
        if (!shippedTo.contains(tenant)) {
            QuarkusTransaction.requiringNew().run(() -> insertShipped(tenant));
            shippedTo.add(tenant);
        }
    }

    private void insertShipped(String tenant) {
        types.insertAbsent(tenant, SHIPPED.stream().map(Shipped::type).toList(), Times.now());
    }
}
