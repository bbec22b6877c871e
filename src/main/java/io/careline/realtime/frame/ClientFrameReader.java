package io.careline.realtime.frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careline.common.problem.ErrorCode;
import io.careline.common.problem.Failure;
import io.careline.common.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a client's text frame: JSON of the protocol's shape (strict types, as REST bodies), a known type,
 * and the fields that type needs. A frame it refuses still gets its {@code ref} when the JSON names one, so
 * the client knows which send or request failed.
 */
public final class ClientFrameReader {
    public static final Set<String> TYPES = Set.of("ping", "send", "sync", "read", "typing", "subscribe", "unsubscribe",
            "mark_read", "ack", "claim", "finish");
    /** Most rooms one subscribe or unsubscribe names, and most ids one mark_read or ack names (as over REST). */
    static final int MAX_ROOMS = 50;
    static final int MAX_IDS = 100;

    private final ObjectMapper mapper;

    public ClientFrameReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A frame the client may not send as it is, and the ref of its answer. */
    public static final class Refused extends RuntimeException {
        public final transient Failure failure;
        public final String ref;

        public Refused(Failure failure, String ref) {
            super(failure.detail(), null, false, false);
            this.failure = failure;
            this.ref = ref;
        }
    }

    public ClientFrame read(String text) {
        ClientFrame frame;
        try {
            // One pass for a well-formed frame; the tree is read again only to find a refused frame's ref.
            frame = mapper.readValue(text, ClientFrame.class);
        } catch (JsonProcessingException e) {
            throw refusal(text, e);
        }
        if (frame == null) {
            throw new Refused(new Failure(ErrorCode.MALFORMED_JSON, "A frame is a JSON object."), null);
        }
        String ref = frame.ref();
        if (frame.type() != null && !TYPES.contains(frame.type())) {
            throw new Refused(new Failure(ErrorCode.UNKNOWN_FRAME_TYPE, "Unknown frame type " + frame.type() + "."),
                    ref);
        }
        List<FieldError> missing = violations(frame);
        if (!missing.isEmpty()) {
            throw new Refused(new Failure(ErrorCode.VALIDATION_FAILED, "The frame lacks fields its type needs.",
                    missing, null), ref);
        }
        return frame;
    }

    /** The fields a frame of its type needs and lacks, or has out of range. */
    static List<FieldError> violations(ClientFrame frame) {
        List<FieldError> errors = new ArrayList<>();
        if (frame.type() == null) {
            errors.add(required("type"));
            return errors;
        }
        switch (frame.type()) {
            case "send" -> {
                requireSession(frame, errors);
                if (frame.clientMsgId() == null) {
                    errors.add(required("clientMsgId"));
                }
                if (frame.msgType() == null) {
                    errors.add(required("msgType"));
                }
                if (frame.content() == null || frame.content().isNull()) {
                    errors.add(required("content"));
                }
            }
            case "read" -> {
                requireSession(frame, errors);
                if (frame.seq() == null || frame.seq() < 0) {
                    errors.add(new FieldError("seq", "must be 0 or more"));
                }
            }
            case "typing", "claim", "finish" -> requireSession(frame, errors);
            case "sync" -> {
                syncPositions(frame, errors);
                if (frame.afterNseq() != null && frame.afterNseq() < 0) {
                    errors.add(new FieldError("afterNseq", "must be 0 or more"));
                }
            }
            case "subscribe", "unsubscribe" -> requireList("rooms", frame.rooms(), MAX_ROOMS, 200, errors);
            case "mark_read", "ack" -> requireList("ids", frame.ids(), MAX_IDS, 36, errors);
            default -> {
            }
        }
        return errors;
    }

    private static void syncPositions(ClientFrame frame, List<FieldError> errors) {
        if (frame.sessions() == null) {
            return;
        }
        for (int i = 0; i < frame.sessions().size(); i++) {
            ClientFrame.SyncPosition position = frame.sessions().get(i);
            if (position == null || position.sessionId() == null) {
                errors.add(required("sessions[" + i + "].sessionId"));
            } else if (position.afterSeq() != null && position.afterSeq() < 0) {
                errors.add(new FieldError("sessions[" + i + "].afterSeq", "must be 0 or more"));
            } else if (position.afterChange() != null && position.afterChange() < 0) {
                errors.add(new FieldError("sessions[" + i + "].afterChange", "must be 0 or more"));
            }
        }
    }

    /** A non-empty list of at most {@code max} strings, none null or longer than {@code maxLength}. */
    private static void requireList(String field, List<String> values, int max, int maxLength,
            List<FieldError> errors) {
        if (values == null || values.isEmpty() || values.size() > max) {
            errors.add(new FieldError(field, "must list 1 to " + max + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isEmpty() || values.get(i).length() > maxLength) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1 to " + maxLength + " characters"));
            }
        }
    }

    private static void requireSession(ClientFrame frame, List<FieldError> errors) {
        if (frame.sessionId() == null) {
            errors.add(required("sessionId"));
        }
    }

    private static FieldError required(String field) {
        return new FieldError(field, "is required");
    }

    /** Why the text is no frame of the protocol's shape, with the ref the JSON names if it is JSON at all. */
    private Refused refusal(String text, JsonProcessingException cause) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException notJson) {
            return new Refused(new Failure(ErrorCode.MALFORMED_JSON, "The frame is not JSON."), null);
        }
        if (tree == null || !tree.isObject()) {
            return new Refused(new Failure(ErrorCode.MALFORMED_JSON, "A frame is a JSON object."), null);
        }
        return new Refused(Failure.unreadable(cause), refOf(tree));
    }

    private static String refOf(JsonNode tree) {
        JsonNode ref = tree.get("clientMsgId");
        if (ref == null || !ref.isTextual()) {
            ref = tree.get("id");
        }
        return ref != null && ref.isTextual() ? ref.textValue() : null;
    }
}
