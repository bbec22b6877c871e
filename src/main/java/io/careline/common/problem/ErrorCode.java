package io.careline.common.problem;

/**
 * The catalogue of stable error codes that clients can rely on, each with its HTTP status, title and whether
 * the same request may succeed if it is simply tried again later.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request is invalid"),
    MALFORMED_JSON(400, "Request body is not valid JSON"),
    UNKNOWN_MESSAGE_TYPE(400, "Unknown message type"),
    INVALID_CONTENT(400, "Message content does not match its type"),
    LIMIT_EXCEEDED(400, "A limit was exceeded"),
    INVALID_CURSOR(400, "Cursor is invalid"),
    SEQ_OUT_OF_RANGE(400, "Sequence number is out of range"),
    UNKNOWN_FRAME_TYPE(400, "Unknown frame type"),
    UNSUPPORTED_FRAME(400, "Binary frames are not supported"),
    UNKNOWN_NOTIFICATION_TYPE(400, "Unknown notification type"),
    ROOM_INVALID(400, "Not a room name"),
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "Not allowed"),
    RECALL_WINDOW_CLOSED(403, "The time to recall or edit this message has passed"),
    PARTICIPANT_LEFT(403, "You have left this session"),
    MESSAGE_TYPE_FORBIDDEN(403, "Your role may not author this message type"),
    NOTIFICATION_TYPE_FORBIDDEN(403, "Your role may not send this notification type"),
    ROOM_FORBIDDEN(403, "You may not subscribe to this room"),
    PATIENT_BLOCKED(403, "The doctor has blocked you"),
    NOT_FOUND(404, "Not found"),
    SESSION_NOT_FOUND(404, "Session not found"),
    MESSAGE_NOT_FOUND(404, "Message not found"),
    TOPIC_NOT_FOUND(404, "Topic not found"),
    USER_NOT_FOUND(404, "User not found"),
    PARTICIPANT_NOT_FOUND(404, "Participant not found"),
    NOTIFICATION_NOT_FOUND(404, "Notification not found"),
    NOTIFICATION_TYPE_NOT_FOUND(404, "Notification type not found"),
    DEVICE_NOT_FOUND(404, "Device not found"),
    PUSH_NOT_FOUND(404, "Push not found"),
    RULE_NOT_FOUND(404, "Rule not found"),
    CONSULTATION_NOT_FOUND(404, "Consultation not found"),
    DESK_NOT_FOUND(404, "Support desk not found"),
    SUPPORT_ROOM_NOT_FOUND(404, "Support room not found"),
    ROSTER_NOT_FOUND(404, "Roster not found"),
    ESCALATION_POLICY_NOT_FOUND(404, "Escalation policy not found"),
    CONNECTION_NOT_FOUND(404, "No such open connection"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    SESSION_CONFLICT(409, "Session exists with different content"),
    SESSION_CLOSED(409, "Session is closed"),
    MESSAGE_RECALLED(409, "The message was recalled"),
    MESSAGE_NOT_CHANGEABLE(409, "This message cannot be recalled or edited"),
    TOPIC_ALREADY_OPEN(409, "A topic is already open in this session"),
    TOPIC_ENDED(409, "Topic has ended"),
    CONFLICT(409, "Conflicting concurrent change", true),
    PUSH_NOT_DEAD(409, "Only a dead push can be retried"),
    RULE_CONFLICT(409, "A rule with this scenario exists"),
    KIND_NOT_ACCEPTED(409, "The doctor does not accept this kind of consultation"),
    ROOM_ALREADY_CLAIMED(409, "Another agent holds this room"),
    ROOM_ENDED(409, "The support room has ended"),
    ROOM_NOT_HELD(409, "You do not hold this room"),
    AGENT_AT_CAPACITY(409, "The agent holds as many rooms as the desk allows"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "Request line too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RECIPIENT_REFUSED(422, "A recipient cannot receive this notification"),
    NO_RECIPIENTS(422, "The notification reaches nobody"),
    ROSTER_EMPTY(422, "Nobody is on duty on the roster"),
    BATCH_ABORTED(424, "Not stored: another item of the atomic batch was refused"),
    RATE_LIMITED(429, "Too many requests", true),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    INTERNAL_ERROR(500, "Internal error", true),
    OVERLOADED(503, "Server overloaded", true),
    SERVER_DRAINING(503, "Server shutting down", true);

    private final int status;
    private final String title;
    private final boolean retryable;

    ErrorCode(int status, String title) {
        this(status, title, false);
    }

    ErrorCode(int status, String title, boolean retryable) {
        this.status = status;
        this.title = title;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** True when the failure is passing (load, a race, an outage): the same request may succeed later. */
    public boolean retryable() {
        return retryable;
    }

    /** The generic code of an HTTP status the framework answered by itself, or null for none. */
    public static ErrorCode ofStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            default -> null;
        };
    }

    /** The problem type URI: a stable, documented address per code. */
    public String type() {
        return "https://careline.dev/errors/" + name().toLowerCase().replace('_', '-');
    }
}
