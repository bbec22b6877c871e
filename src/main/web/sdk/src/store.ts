/**
 * What the client holds, in order: each session's messages by seq and the user's notifications by nseq.
 * A frame already held is dropped; a frame past a gap is kept, and the gap is reported so the client syncs
 * from the last contiguous position.
 */

/** Items of one ordered stream (a session's messages, or the notifications), keyed by their position. */
export class OrderedStream<T> {
  private readonly items = new Map<number, T>();
  /** Every position from the start up to here is held. */
  private contiguous: number;
  /** Positions up to here are the app's already (a stream seeded with a known position); none otherwise. */
  private readonly held: number;
  private started: boolean;

  constructor(from = 0, started = false) {
    this.contiguous = from;
    this.held = started ? from : 0;
    this.started = started;
  }

  /**
   * Adds an item; answers "duplicate" (dropped), "added", or "gap" (kept, but positions before it are missing).
   * The first item a stream ever sees starts it: gaps are reported only after it, and what came before is
   * history, fetched over REST if wanted. An item before the start that arrives later was in flight when the
   * stream started (a session's frames reach a device by several paths: acks, this node's delivery, other
   * nodes' fan-out) and is kept.
   */
  add(position: number, item: T): "duplicate" | "added" | "gap" {
    if (!this.started) {
      this.started = true;
      this.contiguous = position - 1;
    }
    if (position <= this.held || this.items.has(position)) {
      return "duplicate";
    }
    this.items.set(position, item);
    while (this.items.has(this.contiguous + 1)) {
      this.contiguous++;
    }
    return position > this.contiguous ? "gap" : "added";
  }

  /** The position a sync should resume after. */
  get last(): number {
    return this.contiguous;
  }

  /** Whether anything was ever seen (else a sync should not name it). */
  get known(): boolean {
    return this.started;
  }

  /** The items held, in order. */
  list(): T[] {
    return [...this.items.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  }

  get(position: number): T | undefined {
    return this.items.get(position);
  }

  /** Replaces an item held (a message recalled or edited); answers whether it was held. */
  replace(position: number, change: (item: T) => T): boolean {
    const item = this.items.get(position);
    if (item === undefined) {
      return false;
    }
    this.items.set(position, change(item));
    return true;
  }

  get size(): number {
    return this.items.size;
  }
}
