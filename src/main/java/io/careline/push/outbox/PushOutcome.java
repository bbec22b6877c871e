package io.careline.push.outbox;

import io.careline.push.channel.SendResult;
import io.careline.push.model.ClaimedPush;
import io.careline.push.model.OutboxState;
import io.careline.push.model.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * What one attempt of a push comes to, from the dispatcher's decision and the provider's answer: the outbox
 * row's change and the kind of end. A pure function, so the outbox's retry rules read (and test) as a table.
 */
public record PushOutcome(Kind kind, OutboxStore.Result row) {

    /** The ways an attempt ends, each with the {@code outcome} tag of {@code careline_push_attempts_total}. */
    public enum Kind {
        /** The provider took it. */
        DELIVERED("sent"),
        /** The provider asked to try again later, and attempts are left: rescheduled after a backoff. */
        RETRIED("retried"),
        /** The provider asked to try again later, but this was the last attempt. */
        EXHAUSTED("dead"),
        /** Refused for good, by the provider or before sending (no device, a setting). */
        DEAD("dead"),
        /** The device's token is dead: the push dies and the device goes. */
        GONE("dead"),
        /** Nothing to send (the user read it, is online, muted it…): finished without an attempt. */
        SKIPPED("skipped"),
        /** Not yet (a doctor outside consultation hours): due again later, the attempt not counted. */
        DEFERRED(null);

        private final String meterOutcome;

        Kind(String meterOutcome) {
            this.meterOutcome = meterOutcome;
        }

        /** The attempts meter's outcome tag; null when nothing was attempted. */
        public String meterOutcome() {
            return meterOutcome;
        }

        /** Whether the push is dead for good, so its notification copy may have reached nobody. */
        public boolean failed() {
            return this == EXHAUSTED || this == DEAD || this == GONE;
        }
    }

    /**
     * Decides the attempt's end. {@code sent} is the provider's answer (null when nothing was sent), and
     * {@code retryDelay} the backoff a retry waits after the given attempt (asked only for a retry).
     */
    public static PushOutcome of(PushDispatcher.Decision decision, SendResult sent, int maxAttempts, Instant now,
            IntFunction<Duration> retryDelay) {
        ClaimedPush push = decision.push();
        if (decision.deferredUntil() != null) {
            return new PushOutcome(Kind.DEFERRED,
                    new OutboxStore.Deferred(push.pk(), push.attempt(), decision.deferredUntil()));
        }
        if (decision.skipped() != null) {
            return finished(Kind.SKIPPED, push, OutboxState.SKIPPED, decision.skipped(), null);
        }
        SendResult result = decision.dead() != null ? SendResult.dead(decision.dead()) : sent;
        return switch (result.kind()) {
            case DELIVERED -> finished(Kind.DELIVERED, push, OutboxState.SENT, "delivered", null);
            case RETRY -> push.attempt() >= maxAttempts
                    ? finished(Kind.EXHAUSTED, push, OutboxState.DEAD, "attempts_exhausted", result.detail())
                    : new PushOutcome(Kind.RETRIED, new OutboxStore.Rescheduled(push.pk(), push.attempt(),
                            now.plus(retryDelay.apply(push.attempt())), result.detail()));
            case DEAD -> finished(Kind.DEAD, push, OutboxState.DEAD,
                    decision.dead() != null ? decision.dead() : "refused", result.detail());
            case GONE -> finished(Kind.GONE, push, OutboxState.DEAD, "device_gone", result.detail());
        };
    }

    private static PushOutcome finished(Kind kind, ClaimedPush push, OutboxState state, String outcome,
            String error) {
        return new PushOutcome(kind, new OutboxStore.Finished(push.pk(), push.attempt(), state, outcome, error));
    }
}
