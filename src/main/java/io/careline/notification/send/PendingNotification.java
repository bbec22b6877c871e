package io.careline.notification.send;

import io.careline.common.commit.PendingWrite;
import io.careline.common.security.Caller;
import io.careline.common.security.Role;
import io.careline.notification.OnlineUsers;
import io.careline.notification.SendableType;
import io.careline.notification.api.NotificationPriority;
import io.careline.notification.api.SendNotificationRequest;
import io.careline.notification.model.Notification;
import io.careline.notification.model.NotificationStore.SenderKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A checked send waiting to be written with its group: the request, what was decided before it was queued
 * (its type, priority and metadata, the users its groups expand to) and, once written, its result.
 */
public final class PendingNotification extends PendingWrite<SentNotification> {
    /** Presence not asked (yet): the send's group asks for it after commit, or nobody does. */
    private static final CompletionStage<OptionalInt> NOT_ASKED = CompletableFuture.completedFuture(
            OptionalInt.empty());

    final Caller caller;
    final SendNotificationRequest request;
    final SendableType type;
    final NotificationPriority priority;
    final String metadata;
    final Instant createdAt;
    /** The users the request's roles, department, session and room expand to, those the sender may reach. */
    final Map<String, Role> groupMembers;
    private volatile CompletionStage<OptionalInt> online = NOT_ASKED;

    PendingNotification(Caller caller, SendNotificationRequest request, SendableType type, String metadata,
            Instant createdAt, Map<String, Role> groupMembers) {
        this.caller = caller;
        this.request = request;
        this.type = type;
        this.priority = request.priority() != null ? request.priority() : type.defaultPriority();
        this.metadata = metadata;
        this.createdAt = createdAt;
        this.groupMembers = groupMembers;
    }

    /** The sender's idempotency key, or null when the send has none. */
    SenderKey senderKey() {
        return SenderKey.of(caller, request.idempotencyKey());
    }

    /** The notification this send stores, for so many recipients. */
    Notification notification(int recipientCount) {
        Notification notification = new Notification();
        notification.tenantId = caller.tenant();
        notification.publicId = UUID.randomUUID().toString();
        notification.type = type.code();
        notification.title = request.title();
        notification.body = request.content();
        notification.priority = priority;
        notification.metadata = metadata;
        notification.senderId = caller.userId();
        notification.senderRole = caller.primaryRole();
        notification.idempotencyKey = request.idempotencyKey();
        notification.recipientCount = recipientCount;
        notification.requiresAck = request.requiresAck() != null ? request.requiresAck()
                : priority == NotificationPriority.URGENT;
        notification.createdAt = createdAt;
        notification.expiresAt = request.expiresAt() == null ? null
                : request.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return notification;
    }

    public SendNotificationRequest request() {
        return request;
    }

    /**
     * Starts counting how many of the users the send names and its groups reach are online, so that presence
     * is asked while the send waits for its group and is written, not after. Those users are its recipients
     * whenever it is stored: a named user who cannot receive it refuses the whole send.
     */
    void startCountingOnline(OnlineUsers presence) {
        TreeSet<String> recipients = new TreeSet<>(groupMembers.keySet());
        if (request.recipients() != null) {
            recipients.addAll(request.recipients());
        }
        online = presence.countOnline(caller.tenant(), recipients);
    }

    boolean countingOnline() {
        return online != NOT_ASKED;
    }

    void reached(int count) {
        online = CompletableFuture.completedFuture(OptionalInt.of(count));
    }

    /** How many of the recipients were online; null when presence could not be asked or was not. */
    public Integer reached() {
        OptionalInt count = online.toCompletableFuture().join();
        return count.isPresent() ? count.getAsInt() : null;
    }
}
