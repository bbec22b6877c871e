package io.careline.realtime;

import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Writes an envelope's frame to every device of its recipients connected to this node, except the one it
 * came from, without waiting for any write: a device that stops reading fills only its own queue and is
 * disconnected as a slow consumer, never holding up the others.
 */
@ApplicationScoped
public class LocalDelivery {
    private static final Logger LOG = Logger.getLogger(LocalDelivery.class);

    @Inject
    ConnectionRegistry connections;

    @Inject
    RealtimeConfig config;

    @Inject
    RealtimeMetrics metrics;

    void push(Envelope envelope) {
        for (String userId : envelope.recipients()) {
            for (LiveConnection device : connections.of(envelope.tenant(), userId)) {
                if (!device.id().equals(envelope.exceptConnection())
                        && !device.offer(envelope.frame(), config.maxQueuedFrames(),
                                () -> metrics.delivered(envelope.acceptedAtMillis()))) {
                    disconnectSlow(device);
                }
            }
        }
    }

    /**
     * Queues a frame that answers the device itself (a sync's messages) behind what waits for it already; a
     * device whose queue is full is disconnected as a slow consumer, and false says the frame was dropped.
     */
    boolean offer(LiveConnection device, String frame) {
        if (device.offer(frame, config.maxQueuedFrames(), () -> {
        })) {
            return true;
        }
        disconnectSlow(device);
        return false;
    }

    private void disconnectSlow(LiveConnection device) {
        if (device.evict()) {
            metrics.slowConsumer();
            LOG.infof("disconnecting slow consumer %s (%d frames queued)", device.id(), device.queued());
            device.socket.close(new CloseReason(CloseCodes.SLOW_CONSUMER, "slow consumer")).subscribe()
                    .with(closed -> {
                    }, failure -> LOG.debugf("closing %s failed: %s", device.id(), failure.getMessage()));
        }
    }
}
