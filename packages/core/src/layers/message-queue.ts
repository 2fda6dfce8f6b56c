import type { Message } from "../types";

const NO_MESSAGES: Array<Message | undefined> = [];
const NO_DEADLINES: number[] = [];

/**
 * A FIFO of messages with their expiry deadlines: a ring buffer in two parallel arrays, so
 * push and shift are O(1) and a queued message costs no wrapper object. It starts empty (a
 * channel whose consumer keeps up never queues anything), takes `initialSize` slots at the first
 * push, grows by doubling and never shrinks (a channel's queue lives only as long as the channel).
 */
export class MessageQueue {
  // Shared empty arrays until the first push (grow() replaces them before anything is written):
  // a channel whose consumer keeps up never queues, and holds no arrays of its own.
  private messages: Array<Message | undefined> = NO_MESSAGES;
  private deadlines: number[] = NO_DEADLINES;
  private head = 0;
  private count = 0;
  private readonly initialSize: number;

  constructor(initialSize = 4) {
    this.initialSize = Math.max(1, Math.floor(initialSize));
  }

  get length(): number {
    return this.count;
  }

  push(message: Message, deadline: number): void {
    if (this.count === this.messages.length) this.grow();
    const index = (this.head + this.count) % this.messages.length;
    this.messages[index] = message;
    this.deadlines[index] = deadline;
    this.count++;
  }

  /** The oldest message, or undefined when empty. */
  shift(): Message | undefined {
    if (this.count === 0) return undefined;
    const message = this.messages[this.head];
    this.messages[this.head] = undefined; // let the message be collected once received
    this.head = (this.head + 1) % this.messages.length;
    this.count--;
    return message;
  }

  /** Drops messages whose deadline is at or before `now`, oldest first; returns how many. */
  dropExpired(now: number): number {
    let dropped = 0;
    while (this.count > 0 && this.deadlines[this.head]! <= now) {
      this.shift();
      dropped++;
    }
    return dropped;
  }

  clear(): void {
    while (this.count > 0) this.shift();
    this.head = 0;
  }

  private grow(): void {
    const size = this.messages.length;
    const next = size === 0 ? this.initialSize : size * 2;
    const messages = new Array<Message | undefined>(next).fill(undefined);
    const deadlines = new Array<number>(next).fill(0);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) % size;
      messages[i] = this.messages[from];
      deadlines[i] = this.deadlines[from]!;
    }
    this.messages = messages;
    this.deadlines = deadlines;
    this.head = 0;
  }
}
