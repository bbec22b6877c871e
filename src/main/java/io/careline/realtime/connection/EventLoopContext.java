package io.careline.realtime.connection;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The event loop a connection lives on, as its thread (to group connections by loop) and a context that runs
 * tasks there; captured where the connection opens, on that loop.
 */
public record EventLoopContext(Thread thread, Context context) {

    /** The event loop the caller runs on, or null when it runs on no event loop. */
    public static EventLoopContext current() {
        Context context = Vertx.currentContext();
        return context != null && context.isEventLoopContext() && Context.isOnEventLoopThread()
                ? new EventLoopContext(Thread.currentThread(), context) : null;
    }
}
