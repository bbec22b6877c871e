package io.careline.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * Sends a frame to users' devices wherever they are connected: directly to this node's devices (so local
 * delivery works even without Redis), and through Redis to the other nodes'.
 */
@ApplicationScoped
public class Fanout {
    @Inject
    FrameJson frames;

    @Inject
    RealtimeNode node;

    @Inject
    LocalDelivery local;

    @Inject
    FanoutPublisher publisher;

    /**
     * @param exceptConnection the device that must not get the frame (it gets an answer instead), or null
     * @param acceptedAtMillis when the event was accepted, for the delivery latency metric
     */
    void deliver(String tenant, Collection<String> recipients, ServerFrame frame, String exceptConnection,
            long acceptedAtMillis) {
        if (recipients.isEmpty()) {
            return;
        }
        Envelope envelope = new Envelope(node.id(), tenant, recipients, exceptConnection, frames.write(frame),
                acceptedAtMillis);
        local.push(envelope);
        publisher.publish(envelope);
    }
}
