package io.careline.realtime.frame;

import io.quarkus.websockets.next.CloseReason;

/**
 * Every close code the server sends (docs/protocol.md), and whether the client should reconnect: 4000–4499
 * ask it to (and then {@code sync}), 4500–4999 ask it not to. Of the standard codes only 1009 is used: the
 * client sent a frame over the size limit, and may reconnect once it no longer sends it.
 */
public enum CloseCode {
    /** RFC 6455: a frame or message over the size limit. */
    MESSAGE_TOO_BIG(1009, true, "frame too large"),
    /** The server failed unexpectedly on this connection: reconnect and sync. */
    SERVER_ERROR(4000, true, "server error, reconnect"),
    /** The token the connection was opened with expired: reconnect with a fresh one. */
    TOKEN_EXPIRED(4001, true, "token expired"),
    /** This node is shutting down: reconnect, the load balancer will pick another node. */
    SERVER_DRAINING(4002, true, "server restarting, reconnect"),
    /** The device did not read its frames fast enough: reconnect and sync. */
    SLOW_CONSUMER(4003, true, "slow consumer"),
    /** An administrator disconnected this device (docs/console.md): do not reconnect on your own. */
    DISCONNECTED_BY_ADMIN(4500, false, "disconnected by an administrator");

    private final int code;
    private final boolean reconnect;
    private final String reason;

    CloseCode(int code, boolean reconnect, String reason) {
        this.code = code;
        this.reconnect = reconnect;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** Whether the client should reconnect (and sync) after this close. */
    public boolean reconnect() {
        return reconnect;
    }

    /** The close frame's code and its short, fixed reason text. */
    public CloseReason reason() {
        return new CloseReason(code, reason);
    }
}
