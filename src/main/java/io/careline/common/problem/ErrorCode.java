package io.careline.common.problem;


/** The catalogue of stable error codes that clients can rely on, each with its HTTP status and title. */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request is invalid"),
    MALFORMED_JSON(400, "Request body is not valid JSON"),
    UNKNOWN_MESSAGE_TYPE(400, "Unknown message type"),
    INVALID_CONTENT(400, "Message content does not match its type"),
    LIMIT_EXCEEDED(400, "A limit was exceeded"),
    INVALID_CURSOR(400, "Cursor is invalid"),
    SEQ_OUT_OF_RANGE(400, "Sequence number is out of range"),
    UNKNOWN_FRAME_TYPE(400, "Unknown frame type"),
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "Not allowed"),
    PARTICIPANT_LEFT(403, "You have left this session"),
    NOT_FOUND(404, "Not found"),
    SESSION_NOT_FOUND(404, "Session not found"),
    MESSAGE_NOT_FOUND(404, "Message not found"),
    TOPIC_NOT_FOUND(404, "Topic not found"),
    USER_NOT_FOUND(404, "User not found"),
    PARTICIPANT_NOT_FOUND(404, "Participant not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    SESSION_CONFLICT(409, "Session exists with different content"),
    SESSION_CLOSED(409, "Session is closed"),
    TOPIC_ALREADY_OPEN(409, "A topic is already open in this session"),
    TOPIC_ENDED(409, "Topic has ended"),
    CONFLICT(409, "Conflicting concurrent change"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many requests"),
    OVERLOADED(503, "Server overloaded"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI: a stable, documented address per code. */
    public String type() {
        return "https://careline.dev/errors/" + name().toLowerCase().replace('_', '-');
    }
}
