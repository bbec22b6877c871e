package io.careline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client device of one user, with the frames it received in arrival order. Presence frames come
 * whenever a contact connects or leaves, so they are kept apart ({@link #nextPresence()}) from the rest.
 */
public record Device(WebSocketClientConnection connection, BlockingDeque<String> frames,
        BlockingDeque<String> presence) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Connects with the token in the Authorization header. */
    public static Device connect(URI server, Actor actor) {
        return connect(BasicWebSocketConnector.create().addHeader("Authorization", "Bearer " + actor.token()), server);
    }

    /** Connects with a connector the caller prepared (headers, subprotocols). */
    public static Device connect(BasicWebSocketConnector connector, URI server) {
        return connect(connector, server, true);
    }

    /** Connects; unless {@code awaitWelcome}, the welcome frame stays the first of {@link #next()}. */
    public static Device connect(BasicWebSocketConnector connector, URI server, boolean awaitWelcome) {
        BlockingDeque<String> frames = new LinkedBlockingDeque<>();
        BlockingDeque<String> presence = new LinkedBlockingDeque<>();
        WebSocketClientConnection connection = connector.baseUri(server).path("/ws")
                // On the event loop, so frames are queued in the order they arrive (worker callbacks may overtake).
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> (text.startsWith("{\"type\":\"presence\"") ? presence : frames).add(text))
                .connectAndAwait();
        Device device = new Device(connection, frames, presence);
        if (awaitWelcome) {
            device.awaitRegistered();
        }
        return device;
    }

    /** The next frame other than presence, waiting up to 10 seconds for it. */
    public JsonNode next() throws Exception {
        return take(frames);
    }

    /** The next presence frame, waiting up to 10 seconds for it. */
    public JsonNode nextPresence() throws Exception {
        return take(presence);
    }

    private static JsonNode take(BlockingDeque<String> queue) throws Exception {
        String frame = queue.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return JSON.readTree(frame);
    }

    /**
     * The first frame is {@code welcome}, sent once the device is registered for delivery: from it on, every
     * live frame reaches the device, so tests count frames only after it (docs/protocol.md).
     */
    private void awaitRegistered() {
        try {
            assertThat(next().get("type").asText()).isEqualTo("welcome");
        } catch (Exception e) {
            throw new IllegalStateException("the server sent no welcome", e);
        }
    }

    public void send(String json) {
        connection.sendTextAndAwait(json);
    }

    public void close() {
        connection.closeAndAwait();
    }
}
