package io.careline.conversation.model;

/** Message content that fits its type: compact JSON to store and a short preview for session lists. */
public record ValidContent(String json, String preview) {
}
