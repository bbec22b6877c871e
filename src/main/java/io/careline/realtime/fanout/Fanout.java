package io.careline.realtime.fanout;

import io.careline.common.Batches;
import io.careline.common.cluster.NodeIdentity;
import io.careline.notification.event.NotificationSent;
import io.careline.realtime.frame.FrameJson;
import io.careline.realtime.frame.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/**
 * Sends a frame to users' devices wherever they are connected: directly to this node's devices (so local
 * delivery works even without Redis), and through Redis to the other nodes'.
 */
@ApplicationScoped
public class Fanout {
    /** Bounds one envelope's JSON (about 40 bytes a recipient) and the work of parsing it on each node. */
    static final int COPIES_PER_ENVELOPE = 2000;

    @Inject
    FrameJson frames;

    @Inject
    NodeIdentity node;

    @Inject
    LocalDelivery local;

    @Inject
    FanoutPublisher publisher;

    /**
     * @param exceptConnection the device that must not get the frame (it gets an answer instead), or null
     * @param acceptedAtMillis when the event was accepted, for the delivery latency metric
     */
    public void deliver(String tenant, Collection<String> recipients, ServerFrame frame, String exceptConnection,
            long acceptedAtMillis) {
        if (recipients.isEmpty()) {
            return;
        }
        Envelope envelope = new Envelope(node.id(), tenant, recipients, exceptConnection, frames.write(frame),
                acceptedAtMillis);
        local.push(envelope);
        publisher.publish(envelope);
    }

    /** Closes one device of the user (or all of them, when {@code connectionId} is null) on whichever node. */
    public void disconnect(String tenant, String userId, String connectionId) {
        Envelope envelope = new Envelope(node.id(), tenant, List.of(userId), null, null,
                System.currentTimeMillis(), null, new Disconnect(connectionId));
        local.push(envelope);
        publisher.publish(envelope);
    }

    /**
     * Sends each recipient their copy of a notification. The fan-out carries the frame once per envelope of
     * up to {@link #COPIES_PER_ENVELOPE} recipients, with their nseqs and silence beside it.
     */
    public void deliverCopies(String tenant, List<NotificationSent.Delivery> deliveries, ServerFrame sharedFrame,
            long notificationPk, long acceptedAtMillis) {
        String frame = frames.write(sharedFrame);
        for (List<NotificationSent.Delivery> chunk : Batches.of(deliveries, COPIES_PER_ENVELOPE)) {
            long[] nseqs = new long[chunk.size()];
            boolean[] silent = new boolean[chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
                nseqs[i] = chunk.get(i).nseq();
                silent[i] = chunk.get(i).silent();
            }
            Envelope envelope = new Envelope(node.id(), tenant,
                    chunk.stream().map(NotificationSent.Delivery::userId).toList(), null, frame, acceptedAtMillis,
                    new NotificationCopies(notificationPk, nseqs, silent), null);
            local.push(envelope);
            publisher.publish(envelope);
        }
    }
}
