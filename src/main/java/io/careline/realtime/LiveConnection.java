package io.careline.realtime;

import io.careline.common.security.Caller;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One open device connection: whose it is, how many frames wait to be written to it, how fast it may send. */
final class LiveConnection {
    final WebSocketConnection socket;
    final Caller caller;
    private final TokenBucket inbound;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean evicted = new AtomicBoolean();

    LiveConnection(WebSocketConnection socket, Caller caller, TokenBucket inbound) {
        this.socket = socket;
        this.caller = caller;
        this.inbound = inbound;
    }

    String id() {
        return socket.id();
    }

    /** Whether the device may send another frame now (its rate limit). */
    boolean mayReceiveFrame() {
        return inbound.tryTake(System.nanoTime());
    }

    /**
     * Queues a frame for the device without waiting for the write. False when {@code maxQueued} frames are
     * already waiting: the device is not reading, and the frame was not queued.
     */
    boolean offer(String frame, int maxQueued, Runnable whenWritten) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return false;
        }
        socket.sendText(frame).subscribe().with(written -> {
            queued.decrementAndGet();
            whenWritten.run();
        }, failed -> queued.decrementAndGet());
        return true;
    }

    /** True only for the first caller, so a slow consumer is closed and counted once. */
    boolean evict() {
        return evicted.compareAndSet(false, true);
    }

    int queued() {
        return queued.get();
    }
}
