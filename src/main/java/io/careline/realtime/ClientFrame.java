package io.careline.realtime;

import com.fasterxml.jackson.databind.JsonNode;

/** Any frame a client sends; which fields matter depends on {@code type} (docs/protocol.md). */
public record ClientFrame(String type, String id, String sessionId, String clientMsgId, String msgType,
        JsonNode content, String topicId) {
}
