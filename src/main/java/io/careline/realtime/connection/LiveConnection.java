package io.careline.realtime.connection;

import io.careline.common.security.Caller;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open device connection: whose it is, what client it is, when it last sent a frame, how many frames wait
 * to be written to it, how fast it may send.
 */
public final class LiveConnection {
    public final WebSocketConnection socket;
    /** The event loop the connection's writes run on (null if it opened elsewhere). */
    public final EventLoopContext loop;
    public final Caller caller;
    public final ClientInfo client;
    final long connectedAtMillis = System.currentTimeMillis();
    private volatile long lastActiveMillis = connectedAtMillis;
    private final TokenBucket inbound;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean evicted = new AtomicBoolean();

    public LiveConnection(WebSocketConnection socket, EventLoopContext loop, Caller caller, ClientInfo client,
            TokenBucket inbound) {
        this.socket = socket;
        this.loop = loop;
        this.caller = caller;
        this.client = client;
        this.inbound = inbound;
    }

    public String id() {
        return socket.id();
    }

    /** The device sent a frame: it is active now. */
    public void touch() {
        lastActiveMillis = System.currentTimeMillis();
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    /** Whether the device may send another frame now (its rate limit). */
    public boolean mayReceiveFrame() {
        return inbound.tryTake(System.nanoTime());
    }

    /**
     * Queues a frame for the device without waiting for the write. False when {@code maxQueued} frames are
     * already waiting: the device is not reading, and the frame was not queued.
     */
    public boolean offer(String frame, int maxQueued, Runnable whenWritten) {
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
    public boolean evict() {
        return evicted.compareAndSet(false, true);
    }

    public int queued() {
        return queued.get();
    }
}
