package io.careline.common.commit;

/**
 * One caller's item waiting in a {@link GroupCommit}, and its result: set while its group is written, final
 * only once the group's transaction has committed ({@link #answer}).
 *
 * @param <R> what a stored (or already stored) item answers
 */
public class PendingWrite<R> {
    private final long queuedAtNanos = System.nanoTime();
    private R result;
    private RuntimeException refusal;
    /** Read by the waiting caller, written by the thread that wrote the group; volatile publishes the result. */
    private volatile boolean answered;

    public void accept(R stored) {
        result = stored;
        refusal = null;
    }

    public void refuse(RuntimeException reason) {
        result = null;
        refusal = reason;
    }

    /** The result set so far, or null (not yet written, or refused). */
    public R result() {
        return result;
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Why it was refused, or null. */
    public RuntimeException refusal() {
        return refusal;
    }

    /** The result stands: its group committed, or it failed for good. */
    void answer() {
        answered = true;
    }

    public boolean answered() {
        return answered;
    }

    long queuedAtNanos() {
        return queuedAtNanos;
    }

    /** The stored result, or the refusal thrown. */
    public R outcome() {
        if (refusal != null) {
            throw refusal;
        }
        return result;
    }
}
