package io.careline.push.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A credential that is fetched or signed once and reused until shortly before it expires, with at most one
 * refresh in flight however many pushes wait for it. A provider refusing it invalidates it.
 */
public final class CachedToken {
    /** A credential and when it stops being usable. */
    public record Issued(String value, Instant expiresAt) {
    }

    private final Supplier<CompletionStage<Issued>> issuer;
    private final Duration margin;
    private final Clock clock;
    private CompletableFuture<Issued> current;

    public CachedToken(Supplier<CompletionStage<Issued>> issuer, Duration margin, Clock clock) {
        this.issuer = issuer;
        this.margin = margin;
        this.clock = clock;
    }

    public synchronized CompletionStage<String> get() {
        Instant now = Instant.now(clock);
        if (current == null || current.isCompletedExceptionally()
                || current.isDone() && !current.join().expiresAt().minus(margin).isAfter(now)) {
            CompletableFuture<Issued> next = issuer.get().toCompletableFuture();
            current = next;
        }
        return current.thenApply(Issued::value);
    }

    /** Drops the credential if it is still the one the provider refused, so the next push gets a new one. */
    public synchronized void invalidate(String refused) {
        if (current != null && current.isDone() && !current.isCompletedExceptionally()
                && current.join().value().equals(refused)) {
            current = null;
        }
    }
}
