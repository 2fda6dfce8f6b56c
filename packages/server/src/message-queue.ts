import {
  RECEIVE_SOURCE,
  type EventReceiver,
  type ReceiveEvent,
  type ReceiveSource,
  type SourcedReceive,
} from "@channels-ts/core";

/** The source a queue can stop and restart: a WebSocket's reading from its TCP socket. */
export interface FlowControl {
  pause(): void;
  resume(): void;
}

/** A receive() promise's resolve, or a receiveInto() receiver. */
type Waiter<E> = ((event: E) => void) | EventReceiver<E>;

/**
 * The inbound side of one connection: events wait here until the application calls
 * `receive()`, in order. With a `limit`, the source is paused once `limit` events are unread
 * and resumed when the application has read it down to half, so a client that sends faster
 * than its application reads is held back by TCP flow control instead of filling memory.
 * Pushes are never refused: a disconnect must get through, and what arrives between the pause
 * and the socket actually stopping (the rest of one socket read) is bounded already.
 */
export class MessageQueue<E extends ReceiveEvent> implements ReceiveSource<E> {
  private items: E[] = [];
  private head = 0;
  // One receive waits at a time in practice: a field, and an array only for a second one. A
  // waiter is a receive() promise's resolve or a receiveInto() receiver; both are called alike.
  private waiter: Waiter<E> | undefined = undefined;
  private moreWaiters: Array<Waiter<E>> | undefined = undefined;
  private paused = false;
  private readonly resumeAt: number;

  constructor(
    private readonly limit = Infinity,
    private flow?: FlowControl,
  ) {
    this.resumeAt = Math.floor(limit / 2);
    this.receive = () => this.take();
    // A consumer finds the queue itself behind `receive` and takes events without a promise each.
    (this.receive as { [RECEIVE_SOURCE]?: ReceiveSource<E> })[RECEIVE_SOURCE] = this;
  }

  /** Events pushed and not yet read by the application. */
  get length(): number {
    return this.items.length - this.head;
  }

  push(event: E): void {
    const waiter = this.waiter;
    if (waiter !== undefined) {
      this.waiter = this.moreWaiters?.shift();
      if (typeof waiter === "function") waiter(event);
      else waiter.onReceive(event);
      return;
    }
    this.items.push(event);
    if (!this.paused && this.length >= this.limit && this.flow !== undefined) {
      this.paused = true;
      this.flow.pause();
    }
  }

  /** Restarts a paused source and stops pausing it: the connection is closing, its close frame must be read. */
  detach(): void {
    this.resume();
    this.flow = undefined;
  }

  private resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.flow?.resume();
  }

  /**
   * Bound so it can be handed to the application as its `receive` (assigned in the constructor:
   * a class-field arrow would carry a name property per connection under a keepNames build).
   */
  readonly receive: SourcedReceive<E>;

  /** ReceiveSource: the next event to `receiver`, now if one is queued, else from `push`. */
  receiveInto(receiver: EventReceiver<E>): void {
    if (this.head < this.items.length) receiver.onReceive(this.shift());
    else this.wait(receiver);
  }

  private take(): Promise<E> {
    if (this.head < this.items.length) return Promise.resolve(this.shift());
    return new Promise<E>((resolve) => this.wait(resolve));
  }

  private wait(waiter: Waiter<E>): void {
    if (this.waiter === undefined) this.waiter = waiter;
    else (this.moreWaiters ??= []).push(waiter);
  }

  /** The oldest queued event (there is one), restarting a paused source once read down to half. */
  private shift(): E {
    const event = this.items[this.head] as E;
    this.head++;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    }
    if (this.paused && this.length <= this.resumeAt) this.resume();
    return event;
  }
}
