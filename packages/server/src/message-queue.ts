import type { Message } from "@channels-ts/core";

/**
 * The inbound side of one connection: events wait here until the application calls
 * `receive()`. Unbounded on purpose: what the client may send is bounded by the socket's own
 * flow control and `maxPayload`, and holding the events keeps them in order.
 */
export class MessageQueue {
  private items: Message[] = [];
  private head = 0;
  private waiters: Array<(message: Message) => void> = [];

  push(message: Message): void {
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      waiter(message);
      return;
    }
    this.items.push(message);
  }

  /** Bound so it can be handed to the application as its `receive`. */
  readonly receive = (): Promise<Message> => {
    if (this.head < this.items.length) {
      const message = this.items[this.head] as Message;
      this.head++;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      return Promise.resolve(message);
    }
    return new Promise<Message>((resolve) => this.waiters.push(resolve));
  };
}
