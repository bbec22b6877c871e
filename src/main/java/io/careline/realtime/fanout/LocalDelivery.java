package io.careline.realtime.fanout;

import io.careline.common.Batches;
import io.careline.notification.DeliveryReceipts;
import io.careline.realtime.connection.ConnectionRegistry;
import io.careline.realtime.connection.EventLoopContext;
import io.careline.realtime.connection.LiveConnection;
import io.careline.realtime.connection.RealtimeConfig;
import io.careline.realtime.connection.RealtimeMetrics;
import io.careline.realtime.frame.CloseCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes an envelope's frame to every device of its recipients connected to this node, except the one it
 * came from, without waiting for any write: a device that stops reading fills only its own queue and is
 * disconnected as a slow consumer, never holding up the others.
 */
@ApplicationScoped
public class LocalDelivery {
    private static final Logger LOG = Logger.getLogger(LocalDelivery.class);
    /** Writes one event-loop task makes at most: bounds how long a broadcast holds a loop. */
    private static final int WRITES_PER_TASK = 256;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RealtimeConfig config;

    @Inject
    RealtimeMetrics metrics;

    @Inject
    DeliveryReceipts receipts;

    void push(Envelope envelope) {
        if (envelope.disconnect() != null) {
            close(envelope);
            return;
        }
        if (envelope.copies() != null) {
            pushCopies(envelope, envelope.copies());
            return;
        }
        Writes writes = new Writes();
        for (String userId : envelope.recipients()) {
            writes.add(envelope, connections.of(envelope.tenant(), userId), envelope.frame(),
                    () -> metrics.delivered(envelope.acceptedAtMillis()));
        }
        writes.hand();
    }

    /** Closes the devices an administrator disconnected; they are told not to reconnect. */
    private void close(Envelope envelope) {
        String only = envelope.disconnect().connectionId();
        for (String userId : envelope.recipients()) {
            for (LiveConnection device : connections.of(envelope.tenant(), userId)) {
                if (only == null || only.equals(device.id())) {
                    LOG.infof("disconnecting %s of %s at an administrator's request", device.id(), userId);
                    close(device, CloseCode.DISCONNECTED_BY_ADMIN);
                }
            }
        }
    }

    /** Each recipient's own copy of a notification; a write to any of their devices is its delivery receipt. */
    private void pushCopies(Envelope envelope, NotificationCopies copies) {
        Writes writes = new Writes();
        int i = 0;
        for (String userId : envelope.recipients()) {
            long nseq = copies.nseqs()[i];
            boolean silent = copies.silent()[i++];
            Collection<LiveConnection> devices = connections.of(envelope.tenant(), userId);
            if (devices.isEmpty()) {
                continue; // most recipients are on other nodes: no copy is built for them here
            }
            writes.add(envelope, devices, NotificationCopies.copy(envelope.frame(), nseq, silent), () -> {
                metrics.delivered(envelope.acceptedAtMillis());
                receipts.written(envelope.tenant(), copies.notificationPk(), userId);
            });
        }
        writes.hand();
    }

    /**
     * One envelope's writes, grouped by the event loop of each device and handed to each loop in tasks of at
     * most {@value #WRITES_PER_TASK}: written on its own loop a frame goes straight to the socket, where a write
     * from this thread would be a task of its own (a broadcast to 5,000 devices was 5,000 tasks). Tasks run in
     * the order handed, so a device's frames keep their order.
     */
    private final class Writes {
        private final Map<Thread, LoopWrites> byLoop = new HashMap<>();

        void add(Envelope envelope, Collection<LiveConnection> devices, String frame, Runnable whenWritten) {
            for (LiveConnection device : devices) {
                if (device.id().equals(envelope.exceptConnection())) {
                    continue;
                }
                if (device.loop == null) {
                    offer(device, frame, whenWritten);
                } else {
                    byLoop.computeIfAbsent(device.loop.thread(), thread -> new LoopWrites(device.loop,
                            new ArrayList<>())).writes().add(() -> offer(device, frame, whenWritten));
                }
            }
        }

        void hand() {
            byLoop.values().forEach(loop -> {
                for (List<Runnable> task : Batches.of(loop.writes(), WRITES_PER_TASK)) {
                    loop.loop().context().runOnContext(ignored -> task.forEach(Runnable::run));
                }
            });
        }
    }

    /** The writes waiting for one event loop. */
    private record LoopWrites(EventLoopContext loop, List<Runnable> writes) {
    }

    /**
     * Queues a frame that answers the device itself (a sync's messages) behind what waits for it already; a
     * device whose queue is full is disconnected as a slow consumer, and false says the frame was dropped.
     */
    public boolean offer(LiveConnection device, String frame) {
        return offer(device, frame, () -> {
        });
    }

    /** {@link #offer(LiveConnection, String)}, running {@code whenWritten} once the frame is on the wire. */
    public boolean offer(LiveConnection device, String frame, Runnable whenWritten) {
        if (device.offer(frame, config.maxQueuedFrames(), whenWritten)) {
            return true;
        }
        disconnectSlow(device);
        return false;
    }

    private void disconnectSlow(LiveConnection device) {
        if (device.evict()) {
            metrics.slowConsumer();
            LOG.infof("disconnecting slow consumer %s (%d frames queued)", device.id(), device.queued());
            close(device, CloseCode.SLOW_CONSUMER);
        }
    }

    private static void close(LiveConnection device, CloseCode code) {
        device.socket.close(code.reason()).subscribe().with(closed -> {
        }, failure -> LOG.debugf("closing %s failed: %s", device.id(), failure.getMessage()));
    }
}
