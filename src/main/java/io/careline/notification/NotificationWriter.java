package io.careline.notification;

import io.careline.common.problem.DomainException;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Problem.FieldError;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.common.wire.Text;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.event.NotificationSent;
import io.careline.notification.model.InboxStore;
import io.careline.notification.model.LogAction;
import io.careline.notification.model.Notification;
import io.careline.notification.model.NotificationRepository;
import io.careline.notification.model.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores a send in one transaction: the notification, a recipient row per user with its nseq, the
 * {@code sent} log line; then announces it for delivery after commit. A refused send stores nothing.
 */
@ApplicationScoped
class NotificationWriter {
    @Inject
    NotificationTypes types;

    @Inject
    RecipientResolver resolver;

    @Inject
    Silence silence;

    @Inject
    NotificationRepository notifications;

    @Inject
    InboxStore inbox;

    @Inject
    NotificationsConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<NotificationSent> sent;

    /** A stored send: the notification and who received it. */
    record Written(Notification notification, List<String> recipients, boolean created) {
    }

    @Transactional
    Optional<Written> existing(Caller caller, String idempotencyKey) {
        return notifications.findByIdempotencyKey(caller.userId(), idempotencyKey)
                .map(found -> new Written(found, List.of(), false));
    }

    @Transactional
    Written write(Caller caller, SendNotificationRequest request) {
        if (request.idempotencyKey() != null) {
            Optional<Written> first = existing(caller, request.idempotencyKey());
            if (first.isPresent()) {
                return first.get();
            }
        }
        requireTargets(request);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String metadata = metadata(request);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw invalid("expiresAt", "must be in the future");
        }
        NotificationType type = types.sendable(caller, request.type());
        NotificationPriority priority = request.priority() != null ? request.priority() : type.defaultPriority;
        TreeMap<String, Role> recipients = resolver.resolve(caller, request, type);
        List<String> userIds = new ArrayList<>(recipients.keySet());
        Set<String> silent = silence.among(caller.tenant(), type.code, priority, userIds, now);
        Notification notification = notification(caller, request, type.code, priority, metadata, userIds.size(),
                now);
        notifications.persist(notification);
        notifications.flush();
        deliver(caller, notification, userIds, silent, now);
        return new Written(notification, userIds, true);
    }

    private static Notification notification(Caller caller, SendNotificationRequest request, String type,
            NotificationPriority priority, String metadata, int recipientCount, Instant now) {
        Notification notification = new Notification();
        notification.publicId = UUID.randomUUID().toString();
        notification.type = type;
        notification.title = request.title();
        notification.body = request.content();
        notification.priority = priority;
        notification.metadata = metadata;
        notification.senderId = caller.userId();
        notification.senderRole = caller.primaryRole();
        notification.idempotencyKey = request.idempotencyKey();
        notification.recipientCount = recipientCount;
        notification.createdAt = now;
        notification.expiresAt = request.expiresAt() == null ? null
                : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return notification;
    }

    /**
     * Gives each recipient their copy (and nseq) and logs the send; observers push the copies once the
     * transaction commits.
     */
    private void deliver(Caller caller, Notification notification, List<String> userIds, Set<String> silent,
            Instant now) {
        List<InboxStore.NewRecipient> rows = userIds.stream()
                .map(userId -> new InboxStore.NewRecipient(userId, silent.contains(userId))).toList();
        Map<String, Long> nseqs = inbox.insertRecipients(caller.tenant(), notification.pk,
                notification.priority.rank(), rows);
        inbox.insertLog(caller.tenant(), List.of(new InboxStore.LogLine(notification.pk, null, LogAction.SENT,
                caller.userId())), now);
        sent.fire(new NotificationSent(caller.tenant(), notification.pk, NotificationView.of(notification),
                rows.stream().map(row -> new NotificationSent.Delivery(row.userId(), nseqs.get(row.userId()),
                        row.silent())).toList()));
    }

    private static void requireTargets(SendNotificationRequest request) {
        boolean none = (request.recipients() == null || request.recipients().isEmpty())
                && (request.roles() == null || request.roles().isEmpty()) && request.department() == null
                && request.sessionId() == null && request.room() == null;
        if (none) {
            throw invalid("recipients", "name recipients, roles, a department, a sessionId or a room");
        }
        if (request.room() != null) {
            RoomRules.Refusal problem = RoomRules.grammarProblem(request.room());
            if (problem != null) {
                throw new DomainException(problem.code(), problem.message(),
                        List.of(new FieldError("room", problem.message())));
            }
        }
    }

    private String metadata(SendNotificationRequest request) {
        if (request.metadata() == null) {
            return null;
        }
        String invalidAt = Text.invalidUnicodeAt(request.metadata(), "metadata");
        if (invalidAt != null) {
            throw invalid(invalidAt, "must be valid Unicode");
        }
        String json = request.metadata().toString();
        if (json.getBytes(StandardCharsets.UTF_8).length > config.maxMetadataBytes()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "metadata is larger than "
                    + config.maxMetadataBytes() + " bytes.", List.of(new FieldError("metadata",
                            "must be at most " + config.maxMetadataBytes() + " bytes as JSON")));
        }
        return json;
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "The notification is invalid: " + field + " "
                + message + ".", List.of(new FieldError(field, message)));
    }
}
