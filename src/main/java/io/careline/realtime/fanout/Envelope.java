package io.careline.realtime.fanout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collection;

/**
 * One server frame on its way to users' devices, on any node: the frame's JSON, its recipients, the device
 * that must not get it (the sender's, which gets its answer instead) and when the event was accepted.
 *
 * @param node the node that published it; that node has delivered it locally already
 * @param copies for a notification: each recipient's nseq and silence, in the order of {@code recipients};
 *        null for every other frame
 * @param disconnect for a control envelope (whose frame is null): the devices to close; else null, and then left
 *        out of the JSON, so that nodes of the previous version (whose strict reader refuses unknown fields) still
 *        read every other envelope during a rolling upgrade
 */
@RegisterForReflection
record Envelope(String node, String tenant, Collection<String> recipients, String exceptConnection,
        String frame, long acceptedAtMillis, NotificationCopies copies,
        @JsonInclude(JsonInclude.Include.NON_NULL) Disconnect disconnect) {

    Envelope(String node, String tenant, Collection<String> recipients, String exceptConnection, String frame,
            long acceptedAtMillis) {
        this(node, tenant, recipients, exceptConnection, frame, acceptedAtMillis, null, null);
    }
}
