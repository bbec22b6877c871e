package io.careline.push.channel;

/**
 * What a provider made of one push: delivered; worth retrying later; refused for good; or refused because the
 * device's token is dead, which also removes the device.
 *
 * @param detail the provider's reason (an error code, never the payload), for the outbox and the log
 */
public record SendResult(Kind kind, String detail) {

    /** The four ways a send ends. */
    public enum Kind {
        DELIVERED, RETRY, DEAD, GONE
    }

    public static SendResult delivered() {
        return new SendResult(Kind.DELIVERED, null);
    }

    public static SendResult retry(String detail) {
        return new SendResult(Kind.RETRY, detail);
    }

    public static SendResult dead(String detail) {
        return new SendResult(Kind.DEAD, detail);
    }

    public static SendResult gone(String detail) {
        return new SendResult(Kind.GONE, detail);
    }

    /** A plain HTTP provider's answer: 2xx delivered; 408, 429 and 5xx retried; the rest dead, with the detail. */
    public static SendResult ofHttpStatus(int status, String detail) {
        if (status >= 200 && status < 300) {
            return delivered();
        }
        return status == 408 || status == 429 || status >= 500 ? retry(detail) : dead(detail);
    }
}
