package io.careline.realtime.frame;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Any frame a client sends; which fields matter depends on {@code type} (docs/protocol.md). */
@RegisterForReflection
public record ClientFrame(String type, String id, String sessionId, String clientMsgId, String msgType,
        JsonNode content, String topicId, Long seq, List<SyncPosition> sessions, Long afterNseq, List<String> rooms,
        List<String> ids) {

    /**
     * How far the client already has a session: its messages up to {@code afterSeq}, and their changes
     * (recalls, edits) up to change number {@code afterChange} (0 when absent).
     */
    @RegisterForReflection
    public record SyncPosition(String sessionId, Long afterSeq, Long afterChange) {
    }

    /** What the answer to this frame refers to: a send's clientMsgId, else the frame's id. */
    public String ref() {
        return clientMsgId != null ? clientMsgId : id;
    }
}
