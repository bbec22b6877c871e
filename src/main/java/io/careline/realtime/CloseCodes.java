package io.careline.realtime;

/**
 * The close codes the server sends. 4000–4499 ask the client to reconnect (and then {@code sync}); 4500–4999
 * ask it not to.
 */
public final class CloseCodes {
    /** The token the connection was opened with expired: reconnect with a fresh one. */
    public static final int TOKEN_EXPIRED = 4001;
    /** This node is shutting down: reconnect, the load balancer will pick another node. */
    public static final int SERVER_DRAINING = 4002;
    /** The device did not read its frames fast enough: reconnect and sync. */
    public static final int SLOW_CONSUMER = 4003;

    private CloseCodes() {
    }
}
