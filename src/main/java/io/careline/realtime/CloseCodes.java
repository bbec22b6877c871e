package io.careline.realtime;

/**
 * Every close code the server sends (docs/protocol.md). 4000–4499 ask the client to reconnect (and then
 * {@code sync}); 4500–4999 ask it not to. 4500 is the only code of the second range. Of the standard codes, only 1009 is used: the client sent a frame
 * over the size limit, and may reconnect once it no longer sends it.
 */
public final class CloseCodes {
    /** RFC 6455: a frame or message over the size limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server failed unexpectedly on this connection: reconnect and sync. */
    public static final int SERVER_ERROR = 4000;
    /** The token the connection was opened with expired: reconnect with a fresh one. */
    public static final int TOKEN_EXPIRED = 4001;
    /** This node is shutting down: reconnect, the load balancer will pick another node. */
    public static final int SERVER_DRAINING = 4002;
    /** The device did not read its frames fast enough: reconnect and sync. */
    public static final int SLOW_CONSUMER = 4003;
    /** An administrator disconnected this device (docs/console.md): do not reconnect on your own. */
    public static final int DISCONNECTED_BY_ADMIN = 4500;

    private CloseCodes() {
    }
}
