package io.careline.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Short ways to set up sessions and messages through the public API. */
public final class Conversations {
    private Conversations() {
    }

    /** Creates a session of the given type with members given as "userId:role". */
    public static void createSession(Actor creator, String sessionId, String type, String... members) {
        List<Map<String, String>> participants = Arrays.stream(members).map(m -> {
            String[] parts = m.split(":");
            return Map.of("userId", parts[0], "role", parts[1]);
        }).toList();
        creator.req().body(Map.of("id", sessionId, "type", type, "participants", participants))
                .post("/api/v1/sessions").then().statusCode(201);
    }

    /** Sends a text message and returns its seq. */
    public static int sendText(Actor sender, String sessionId, String text) {
        return sender.req().body(Map.of("type", "text", "content", Map.of("text", text)))
                .post("/api/v1/sessions/{id}/messages", sessionId).then().statusCode(201)
                .extract().path("seq");
    }
}
