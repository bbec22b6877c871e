package io.careline.realtime.connection;

import io.quarkus.websockets.next.HandshakeRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a device said about itself when it connected: its client type ({@code ?client=} on the upgrade URL,
 * one of {@link #TYPES}, else {@code unknown}) and its User-Agent, cut to {@link #MAX_USER_AGENT} characters.
 */
public record ClientInfo(String clientType, String userAgent) {
    static final Set<String> TYPES = Set.of("web", "ios", "android", "desktop", "service");
    static final String UNKNOWN = "unknown";
    static final int MAX_USER_AGENT = 256;

    public static ClientInfo of(HandshakeRequest request) {
        String userAgent = request.header("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(clientType(request.query()), userAgent == null ? "" : userAgent);
    }

    private static String clientType(String query) {
        if (query == null) {
            return UNKNOWN;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("client=")) {
                String value = URLDecoder.decode(pair.substring("client=".length()), StandardCharsets.UTF_8);
                return TYPES.contains(value) ? value : UNKNOWN;
            }
        }
        return UNKNOWN;
    }
}
