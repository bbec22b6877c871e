package io.careline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket device for tests against packaged applications (no Quarkus in the test JVM), on the JDK's
 * client: the frames it received in order, and the close code once the server closed it.
 */
public final class JdkDevice implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingDeque<JsonNode> frames = new LinkedBlockingDeque<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private String connectionId;

    public static JdkDevice connect(URI server, String token) {
        return connect(server, token, "");
    }

    /** Connects as a client of the type given ({@code ?client=} on the upgrade URL) and waits for welcome. */
    public static JdkDevice connect(URI server, String token, String clientType) {
        JdkDevice device = open(server, token, clientType).join();
        device.awaitRegistered();
        return device;
    }

    /** Starts connecting without waiting: the device is open when the future completes, welcome not yet read. */
    public static CompletableFuture<JdkDevice> open(URI server, String token) {
        return open(server, token, "");
    }

    private static CompletableFuture<JdkDevice> open(URI server, String token, String clientType) {
        JdkDevice device = new JdkDevice();
        String query = clientType.isEmpty() ? "" : "?client=" + clientType;
        return HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://" + server.getHost() + ":" + server.getPort() + "/ws" + query), device)
                .thenApply(socket -> {
                    device.socket = socket;
                    return device;
                });
    }

    /** The next frame of the given type, passing over frames of other types; fails after 10 s. */
    public JsonNode next(String type) throws InterruptedException {
        return next(Duration.ofSeconds(10), type);
    }

    /** The next frame of one of the given types, passing over the others; fails after {@code timeout}. */
    public JsonNode next(Duration timeout, String... types) throws InterruptedException {
        List<String> wanted = List.of(types);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(frame).as("a %s frame within %s", wanted, timeout).isNotNull();
            if (wanted.contains(frame.get("type").asText())) {
                return frame;
            }
        }
    }

    /** The welcome frame says the device is registered for delivery; as a real client would, wait for it. */
    private void awaitRegistered() {
        try {
            connectionId = next("welcome").get("connectionId").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id the server's welcome gave this connection (null until welcomed). */
    public String connectionId() {
        return connectionId;
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** The code the server closed the connection with, waiting up to {@code timeout}. */
    public int closeCode(Duration timeout) throws Exception {
        return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("the server sent a frame that is not JSON", e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }
}
