package io.careline.realtime.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One open device connection as the connection directory shows it to administrators, on any node. */
@RegisterForReflection
@Schema(description = "An open WebSocket connection (one device)")
public record DirectoryEntry(
        String connectionId,
        String userId,
        @Schema(description = "The most privileged role of the connection's token") String role,
        @Schema(description = "web, ios, android, desktop, service or unknown (?client= on the upgrade URL)")
        String clientType,
        @Schema(description = "The node holding the connection") String node,
        Instant connectedAt,
        @Schema(description = "When the device last sent a frame, as of the node's last heartbeat")
        Instant lastActiveAt,
        String userAgent) {
}
