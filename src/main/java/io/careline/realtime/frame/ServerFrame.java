package io.careline.realtime.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.problem.Problem;
import io.careline.common.wire.WireEnum;
import io.careline.conversation.api.MessageView;
import io.careline.conversation.event.SessionChanged;
import io.careline.conversation.event.TopicChanged;
import io.careline.notification.api.NotificationView;
import io.careline.notification.api.StatusChange;
import io.careline.notification.api.SubscriptionResult;
import io.careline.realtime.fanout.NotificationCopies;
import io.careline.realtime.presence.Presence;
import io.careline.support.api.RoomView;
import io.careline.support.event.QueueChanged;
import io.careline.support.event.RoomAssigned;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** Frames the server sends; each carries its {@code type} first. */
public sealed interface ServerFrame {

    /** A sent message is stored under this seq. */
    @RegisterForReflection
    record Ack(String type, String clientMsgId, String sessionId, long seq, Instant createdAt) implements ServerFrame {
        public static Ack of(MessageView message) {
            return new Ack("ack", message.clientMsgId(), message.sessionId(), message.seq(), message.createdAt());
        }
    }

    /** A message of one of the receiver's sessions, in its latest revision (recalled: without content). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, String sessionId, long seq, String senderId, String msgType,
            @JsonRawValue String content, String topicId, String clientMsgId, Instant createdAt, Integer revision,
            Instant editedAt, Boolean recalled, Instant recalledAt, String recalledBy, Boolean purged)
            implements ServerFrame {
        public static Message of(MessageView message) {
            return new Message("message", message.sessionId(), message.seq(), message.senderId(), message.type(),
                    message.content(), message.topicId(), message.clientMsgId(), message.createdAt(),
                    message.revision(), message.editedAt(), message.recalled(), message.recalledAt(),
                    message.recalledBy(), message.purged());
        }
    }

    /** A message the receiver may hold was recalled: show it as recalled and drop its content. */
    @RegisterForReflection
    record MessageRecalled(String type, String sessionId, long seq, String recalledBy, Instant recalledAt)
            implements ServerFrame {
        public static MessageRecalled of(MessageView message) {
            return new MessageRecalled("message_recalled", message.sessionId(), message.seq(), message.recalledBy(),
                    message.recalledAt());
        }
    }

    /** A message the receiver may hold was edited: replace its content with this revision's. */
    @RegisterForReflection
    record MessageUpdated(String type, String sessionId, long seq, int revision, @JsonRawValue String content,
            Instant editedAt) implements ServerFrame {
        public static MessageUpdated of(MessageView message) {
            return new MessageUpdated("message_updated", message.sessionId(), message.seq(), message.revision(),
                    message.content(), message.editedAt());
        }
    }

    /** The frame telling a device of a message's latest change. */
    static ServerFrame changeOf(MessageView message) {
        return Boolean.TRUE.equals(message.recalled()) ? MessageRecalled.of(message) : MessageUpdated.of(message);
    }

    /** A participant read a session up to seq: to the other participants and the reader's devices. */
    @RegisterForReflection
    record Read(String type, String sessionId, String userId, long seq) implements ServerFrame {
        public static Read of(String sessionId, String userId, long seq) {
            return new Read("read", sessionId, userId, seq);
        }
    }

    /** A member of one of the receiver's sessions is typing there. */
    @RegisterForReflection
    record Typing(String type, String sessionId, String userId) implements ServerFrame {
        public static Typing of(String sessionId, String userId) {
            return new Typing("typing", sessionId, userId);
        }
    }

    /** A user who shares a session with the receiver came online (first device) or went offline (last device). */
    @RegisterForReflection
    record Presence(String type, String userId, boolean online) implements ServerFrame {
        public static Presence of(String userId, boolean online) {
            return new Presence("presence", userId, online);
        }
    }

    /** One of the receiver's sessions was created, renamed, closed or reopened, or its members changed. */
    @RegisterForReflection
    record SessionEvent(String type, String sessionId, String event) implements ServerFrame {
        public static SessionEvent of(SessionChanged changed) {
            return new SessionEvent("session", changed.sessionId(), WireEnum.lowercase(changed.change()));
        }
    }

    /** A consultation in one of the receiver's sessions was opened, first replied to, or ended. */
    @RegisterForReflection
    record TopicEvent(String type, String sessionId, String topicId, String event) implements ServerFrame {
        public static TopicEvent of(TopicChanged changed) {
            return new TopicEvent("topic", changed.sessionId(), changed.topicId(),
                    WireEnum.lowercase(changed.change()));
        }
    }

    /** A desk's queue changed: to the desk's agents, with how many rooms wait now. */
    @RegisterForReflection
    record Queue(String type, String deskId, String sessionId, String event, long waiting) implements ServerFrame {
        public static Queue of(QueueChanged changed) {
            return new Queue("queue", changed.deskId(), changed.sessionId(), changed.event().wire(), changed.waiting());
        }
    }

    /** An agent took the customer's room: to the customer. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Assigned(String type, String sessionId, String agentId, String agentName) implements ServerFrame {
        public static Assigned of(RoomAssigned assigned) {
            return new Assigned("assigned", assigned.sessionId(), assigned.agentId(), assigned.agentName());
        }
    }

    /** Answer to {@code claim} and {@code finish}: the room as it now is. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Room(String type, String id, String sessionId, String state, String agentId) implements ServerFrame {
        public static Room of(String id, RoomView room) {
            return new Room("room", id, room.sessionId(), room.state().wire(), room.agentId());
        }
    }

    /**
     * A sync finished: per session, the last seq sent and whether more remain (sync again from there); and
     * when the sync covered notifications, the last nseq sent and whether more remain.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Synced(String type, String id, List<SessionPosition> sessions, NotificationPosition notifications)
            implements ServerFrame {
        public static Synced of(String id, List<SessionPosition> sessions, NotificationPosition notifications) {
            return new Synced("synced", id, sessions, notifications);
        }

        /** Where one session's catch-up stopped. */
        @RegisterForReflection
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record SessionPosition(String sessionId, long lastSeq, boolean hasMore, Long lastChange) {
        }

        /** Where the notifications' catch-up stopped. */
        @RegisterForReflection
        public record NotificationPosition(long lastNseq, boolean hasMore) {
        }
    }

    /**
     * A notification for the receiver. Live copies of one notification differ only in {@code nseq} and
     * {@code silent}, so the fan-out carries it once without them ({@link NotificationCopies}) and each node
     * writes them in; a sync writes the whole frame.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notification(String type, Long nseq, Boolean silent, String id, String notificationType, String title,
            String body, String priority, @JsonRawValue String metadata, String senderId, Instant createdAt,
            Instant expiresAt, Boolean purged, Boolean requiresAck, Integer repeat) implements ServerFrame {
        /** How every copy begins; {@link NotificationCopies} writes a copy's nseq and silent after it. */
        public static final String SHARED_PREFIX = "{\"type\":\"notification\",";

        public static Notification shared(NotificationView n) {
            return of(n, null, null);
        }

        public static Notification of(NotificationView n, Long nseq, Boolean silent) {
            return of(n, nseq, silent, null);
        }

        /** The frame again, from escalation step {@code step}: alert the user even though the nseq is held. */
        public static Notification repeat(NotificationView n, long nseq, int step) {
            return of(n, nseq, false, step);
        }

        private static Notification of(NotificationView n, Long nseq, Boolean silent, Integer repeat) {
            return new Notification("notification", nseq, silent, n.id(), n.type(), n.title(), n.body(),
                    n.priority().wire(), n.metadata(), n.senderId(), n.createdAt(), n.expiresAt(), n.purged(),
                    n.requiresAck(), repeat);
        }
    }

    /** One of the receiver's devices read, unread, archived or unarchived these notifications. */
    @RegisterForReflection
    record NotificationStatus(String type, List<String> ids, String status) implements ServerFrame {
        public static NotificationStatus of(List<String> ids, StatusChange change) {
            return new NotificationStatus("notification_status", ids, change.wire());
        }
    }

    /** Answer to mark_read: the notifications it changed (those already read are not listed). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Marked(String type, String id, List<String> ids) implements ServerFrame {
        public static Marked of(String id, List<String> ids) {
            return new Marked("marked", id, ids);
        }
    }

    /** Answer to ack: the notifications it acknowledged (those acknowledged before are not listed). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Acknowledged(String type, String id, List<String> ids) implements ServerFrame {
        public static Acknowledged of(String id, List<String> ids) {
            return new Acknowledged("acknowledged", id, ids);
        }
    }

    /** Answer to subscribe: the rooms granted, and each refused one with its error code. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscribed(String type, String id, List<String> granted, List<SubscriptionResult.RefusedRoom> refused)
            implements ServerFrame {
        public static Subscribed of(String id, SubscriptionResult result) {
            return new Subscribed("subscribed", id, result.granted(), result.refused());
        }
    }

    /** Answer to unsubscribe: the rooms still subscribed. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Unsubscribed(String type, String id, List<String> rooms) implements ServerFrame {
        public static Unsubscribed of(String id, List<String> rooms) {
            return new Unsubscribed("unsubscribed", id, rooms);
        }
    }

    /** Answer to a ping. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pong(String type, String id) implements ServerFrame {
        public static Pong of(String id) {
            return new Pong("pong", id);
        }
    }

    /**
     * A frame failed and changed nothing; the connection stays open. {@code ref} is the failed frame's
     * clientMsgId or id, {@code errors} its invalid fields, {@code retryable} whether sending it again later
     * may succeed, {@code traceId} the server log entry of an unexpected failure.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String code, String message, String ref, List<Problem.FieldError> errors,
            boolean retryable, String traceId) implements ServerFrame {
        public static Error of(Failure failure, String ref) {
            return new Error("error", failure.code().name(), failure.detail(), ref, failure.errors(),
                    failure.code().retryable(), failure.traceId());
        }

        public static Error of(ErrorCode code, String message, String ref) {
            return of(new Failure(code, message), ref);
        }
    }

    /**
     * The first frame of every connection, sent once the device is registered for delivery: every live frame
     * from here on reaches it, so a client syncs after this frame to close the gap since it last had one.
     */
    @RegisterForReflection
    record Welcome(String type, String connectionId, String userId, Instant serverTime, long heartbeatMillis,
            Limits limits) implements ServerFrame {
        public static Welcome of(String connectionId, String userId, long heartbeatMillis, Limits limits) {
            return new Welcome("welcome", connectionId, userId, Instant.now(), heartbeatMillis, limits);
        }

        /** The limits this connection is held to. */
        @RegisterForReflection
        public record Limits(long maxFrameBytes, int framesPerSecond, int frameBurst, int maxContentBytes) {
        }
    }
}
