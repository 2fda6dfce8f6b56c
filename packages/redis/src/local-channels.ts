import type { LayerReceiver, Message } from "@channels-ts/core";

interface Mailbox {
  /** Messages not yet taken, oldest first, from `head` on (an index, so taking one is O(1)). */
  queue: Message[];
  head: number;
  /** Pending receives, oldest first: a consumer's reused receiver or a `receive()`'s promise. */
  waiters: LayerReceiver[];
  /** Date.now() of the last delivery, so mailboxes nobody reads can be swept. */
  touched: number;
}

/** How LocalChannels tells the layer about messages it throws away (the layer counts and reports them). */
export type LocalDropReporter = (reason: "channel full" | "expired", channel: string, count: number) => void;

/**
 * This process's side of a Redis layer's channels (both layers): messages already taken off
 * Redis wait here for a receive, and receives wait here for a message. A waiter is a
 * `LayerReceiver` (the consumer's own, reused for every wait: no promise per message) or a
 * `receive()`'s promise wrapped as one. A mailbox holds at most the channel's capacity and drops
 * its oldest message beyond that, as channels_redis's `BoundedQueue`, so a consumer that stopped
 * reading cannot grow memory without bound; unlike Python, every such drop is reported
 * (`onDrop`), as is a mailbox swept with messages unread. A mailbox stays while its channel is in
 * use, empty or not (a consumer empties and waits on it once per message), and goes when the
 * channel is discarded or, unused, at the next `sweep`.
 */
export class LocalChannels {
  private readonly boxes = new Map<string, Mailbox>();
  private waiterCount = 0;

  constructor(
    private readonly capacityOf: (channel: string) => number,
    private readonly onDrop: LocalDropReporter,
  ) {}

  /** Pending receives on every channel: the process queue is popped only while this is above 0. */
  get totalWaiting(): number {
    return this.waiterCount;
  }

  /** Hand `message` to the oldest waiter on `channel`, or queue it. */
  deliver(channel: string, message: Message): void {
    const box = this.box(channel);
    box.touched = Date.now();
    const waiter = box.waiters.shift();
    if (waiter !== undefined) {
      this.waiterCount--;
      waiter.onLayerMessage(message);
      return;
    }
    if (box.queue.length - box.head >= this.capacityOf(channel)) {
      box.queue[box.head++] = undefined as unknown as Message;
      this.onDrop("channel full", channel, 1);
      // A consumer that stopped reading must not grow the array by a slot per message.
      compact(box);
    }
    box.queue.push(message);
  }

  /** A queued message, if any, without waiting. */
  take(channel: string): Message | undefined {
    const box = this.boxes.get(channel);
    if (box === undefined || box.head === box.queue.length) return undefined;
    const message = box.queue[box.head] as Message;
    box.queue[box.head++] = undefined as unknown as Message; // let it be collected
    if (box.head === box.queue.length) {
      box.queue.length = 0;
      box.head = 0;
    } else compact(box);
    return message;
  }

  /** Channels with a mailbox here (messages waiting, or receives waiting): what `stats()` counts. */
  get size(): number {
    return this.boxes.size;
  }

  /** True when `channel` has a mailbox: its name was checked when it got one. */
  has(channel: string): boolean {
    return this.boxes.has(channel);
  }

  /** Hand the next message on `channel` to `receiver` (exactly one of its methods is called, once). */
  waitInto(channel: string, receiver: LayerReceiver): void {
    this.box(channel).waiters.push(receiver);
    this.waiterCount++;
  }

  /** Take `receiver` off `channel`'s waiters (an aborted receive); true if it was waiting. */
  cancel(channel: string, receiver: LayerReceiver): boolean {
    const box = this.boxes.get(channel);
    if (box === undefined) return false;
    const index = box.waiters.indexOf(receiver);
    if (index === -1) return false;
    box.waiters.splice(index, 1);
    this.waiterCount--;
    this.dropIfIdle(channel, box);
    return true;
  }

  /** Messages waiting in `channel`'s mailbox. */
  queued(channel: string): number {
    const box = this.boxes.get(channel);
    return box === undefined ? 0 : box.queue.length - box.head;
  }

  /** Number of pending receives on `channel`. */
  waiting(channel: string): number {
    return this.boxes.get(channel)?.waiters.length ?? 0;
  }

  /** Forget `channel`: drop its queue and fail its waiters with `reason`. */
  discard(channel: string, reason: unknown): void {
    const box = this.boxes.get(channel);
    if (box === undefined) return;
    this.boxes.delete(channel);
    this.waiterCount -= box.waiters.length;
    for (const waiter of box.waiters.splice(0)) waiter.onLayerError(reason);
  }

  /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
  clearQueues(): void {
    for (const [channel, box] of this.boxes) {
      box.queue.length = 0;
      box.head = 0;
      this.dropIfIdle(channel, box);
    }
  }

  /** Fail every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
  closeAll(reasonFor: (channel: string) => unknown): void {
    for (const channel of [...this.boxes.keys()]) this.discard(channel, reasonFor(channel));
  }

  /**
   * Drop mailboxes that nobody waits on and that got nothing for `idleMs`: messages that arrive
   * for a channel after it was discarded (a group send racing the discard) must not stay forever.
   * What such a mailbox still held is reported as expired.
   */
  sweep(idleMs: number): void {
    const before = Date.now() - idleMs;
    for (const [channel, box] of this.boxes) {
      if (box.waiters.length === 0 && box.touched < before) {
        this.boxes.delete(channel);
        const unread = box.queue.length - box.head;
        if (unread > 0) this.onDrop("expired", channel, unread);
      }
    }
  }

  private box(channel: string): Mailbox {
    let box = this.boxes.get(channel);
    if (box === undefined) {
      box = { queue: [], head: 0, waiters: [], touched: Date.now() };
      this.boxes.set(channel, box);
    }
    return box;
  }

  private dropIfIdle(channel: string, box: Mailbox): void {
    if (box.head === box.queue.length && box.waiters.length === 0 && this.boxes.get(channel) === box)
      this.boxes.delete(channel);
  }
}

/** Drop the taken slots before `head` once they are most of the array (O(1) amortised per message). */
function compact(box: Mailbox): void {
  if (box.head > 1024 && box.head * 2 > box.queue.length) {
    box.queue.splice(0, box.head);
    box.head = 0;
  }
}
