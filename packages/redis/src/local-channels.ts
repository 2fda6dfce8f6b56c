import type { LayerReceiver, Message } from "@channels-ts/core";

interface Waiter {
  receiver: LayerReceiver;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Mailbox {
  queue: Message[];
  waiters: Waiter[];
  /** Date.now() of the last delivery, so mailboxes nobody reads can be swept. */
  touched: number;
}

/** How LocalChannels tells the layer about messages it throws away (the layer counts and reports them). */
export type LocalDropReporter = (reason: "channel full" | "expired", channel: string, count: number) => void;

/**
 * This process's side of its channels: messages already taken off Redis wait here for a
 * `receive()`, and pending receives wait here for a message. A mailbox holds at most the
 * channel's capacity and drops its oldest message beyond that, as channels_redis's
 * `BoundedQueue`, so a consumer that stopped reading cannot grow memory without bound; unlike
 * Python, every such drop is reported (`onDrop`), as is a mailbox swept with messages unread.
 */
export class LocalChannels {
  private readonly boxes = new Map<string, Mailbox>();
  private waiterCount = 0;

  constructor(
    private readonly capacityOf: (channel: string) => number,
    private readonly onDrop: LocalDropReporter = () => undefined,
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
      settle(waiter);
      // The mailbox stays (its consumer waits again at once); sweep() drops it once idle.
      waiter.receiver.onLayerMessage(message);
      return;
    }
    if (box.queue.length >= this.capacityOf(channel)) {
      box.queue.shift();
      this.onDrop("channel full", channel, 1);
    }
    box.queue.push(message);
  }

  /** A queued message, if any, without waiting. */
  take(channel: string): Message | undefined {
    const box = this.boxes.get(channel);
    return box?.queue.shift();
  }

  /** Whether this process has a mailbox for `channel` (so its name was validated already). */
  has(channel: string): boolean {
    return this.boxes.has(channel);
  }

  /** Wait for the next message on `channel`; `onSettle` runs once however the wait ends. */
  wait(channel: string, signal: AbortSignal | undefined, onSettle?: () => void): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      const receiver: LayerReceiver =
        onSettle === undefined
          ? { onLayerMessage: resolve, onLayerError: reject }
          : {
              onLayerMessage: (message) => {
                onSettle();
                resolve(message);
              },
              onLayerError: (reason) => {
                onSettle();
                reject(reason);
              },
            };
      this.waitInto(channel, receiver, signal);
    });
  }

  /** Hand the next message on `channel` to `receiver` (exactly one of its methods is called, once). */
  waitInto(channel: string, receiver: LayerReceiver, signal?: AbortSignal): void {
    const box = this.box(channel);
    const waiter: Waiter = { receiver, signal, onAbort: undefined };
    if (signal !== undefined) {
      waiter.onAbort = () => {
        const index = box.waiters.indexOf(waiter);
        if (index !== -1) {
          box.waiters.splice(index, 1);
          this.waiterCount--;
        }
        this.dropIfIdle(channel, box);
        receiver.onLayerError(signal.reason);
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
    }
    box.waiters.push(waiter);
    this.waiterCount++;
  }

  /** Messages waiting in `channel`'s mailbox. */
  queued(channel: string): number {
    return this.boxes.get(channel)?.queue.length ?? 0;
  }

  /** Number of pending receives on `channel`. */
  waiting(channel: string): number {
    return this.boxes.get(channel)?.waiters.length ?? 0;
  }

  /** Forget `channel`: drop its queue and reject its waiters with `reason`. */
  discard(channel: string, reason: unknown): void {
    const box = this.boxes.get(channel);
    if (box === undefined) return;
    this.boxes.delete(channel);
    this.waiterCount -= box.waiters.length;
    for (const waiter of box.waiters.splice(0)) {
      settle(waiter);
      waiter.receiver.onLayerError(reason);
    }
  }

  /** Drop every queued message; waiters keep waiting (a flush empties channels, it does not end receivers). */
  clearQueues(): void {
    for (const [channel, box] of this.boxes) {
      box.queue.length = 0;
      this.dropIfIdle(channel, box);
    }
  }

  /** Reject every waiter with `reasonFor(channel)` and forget everything (the layer is closing). */
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
        if (box.queue.length > 0) this.onDrop("expired", channel, box.queue.length);
      }
    }
  }

  private box(channel: string): Mailbox {
    let box = this.boxes.get(channel);
    if (box === undefined) {
      box = { queue: [], waiters: [], touched: Date.now() };
      this.boxes.set(channel, box);
    }
    return box;
  }

  private dropIfIdle(channel: string, box: Mailbox): void {
    if (box.queue.length === 0 && box.waiters.length === 0 && this.boxes.get(channel) === box)
      this.boxes.delete(channel);
  }
}

function settle(waiter: Waiter): void {
  if (waiter.signal !== undefined && waiter.onAbort !== undefined)
    waiter.signal.removeEventListener("abort", waiter.onAbort);
}
