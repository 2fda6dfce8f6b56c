import WebSocket from "ws";

/** The prefix of the messages `RoomClient.join` sends; tests leave them out of their counts. */
export const JOIN_PREFIX = "joined:";

/** A `ws` client in one chat room that records every text frame it receives. */
export class RoomClient {
  readonly received: string[] = [];
  closeCode: number | undefined;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly label: string,
    private readonly socket: WebSocket,
  ) {
    socket.on("message", (data, isBinary) => {
      this.received.push(isBinary ? `<binary ${String(data)}>` : String(data));
      this.notify();
    });
    socket.on("close", (code) => {
      this.closeCode = code;
      this.notify();
    });
    socket.on("error", () => undefined); // a close event always follows; tests read closeCode
  }

  /**
   * Connects to `/room/<room>/` and waits until the server has put this client in the group. The
   * chat joins the group after accepting, so `open` alone does not prove membership; but a consumer
   * handles its messages in order, so this client's own message coming back does.
   */
  static async join(port: number, room: string, label: string, timeoutMs = 10_000): Promise<RoomClient> {
    const client = await RoomClient.connect(port, room, label, timeoutMs);
    const marker = `${JOIN_PREFIX}${label}`;
    client.send(marker);
    await client.until(`its own "${marker}"`, (received) => received.includes(marker), timeoutMs);
    return client;
  }

  static connect(port: number, room: string, label: string, timeoutMs = 10_000): Promise<RoomClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/room/${room}/`);
    return new Promise<RoomClient>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        socket.terminate();
        reject(new Error(`${label}: could not join room ${room} on port ${port}: ${why}`));
      };
      const timer = setTimeout(() => fail(`no handshake within ${timeoutMs} ms`), timeoutMs);
      socket.once("unexpected-response", (_request, response) => fail(`HTTP ${response.statusCode}`));
      socket.once("error", (error) => fail(error.message));
      socket.once("open", () => {
        clearTimeout(timer);
        socket.removeAllListeners("unexpected-response");
        socket.removeAllListeners("error");
        resolve(new RoomClient(label, socket));
      });
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** The received messages that are not join markers. */
  get chat(): string[] {
    return this.received.filter((text) => !text.startsWith(JOIN_PREFIX));
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** Resolves true once `predicate` holds on what was received, false after `timeoutMs` or on close. */
  within(predicate: (received: readonly string[]) => boolean, timeoutMs: number): Promise<boolean> {
    if (predicate(this.received)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const settle = (result: boolean): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(result);
      };
      const listener = (): void => {
        if (predicate(this.received)) settle(true);
        else if (this.closeCode !== undefined) settle(false);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Like `within`, but a timeout or a close is an error naming what was awaited and what came. */
  async until(what: string, predicate: (received: readonly string[]) => boolean, timeoutMs = 5_000): Promise<void> {
    if (await this.within(predicate, timeoutMs)) return;
    const state = this.closeCode === undefined ? `after ${timeoutMs} ms` : `closed with ${this.closeCode}`;
    throw new Error(`${this.label} did not receive ${what} (${state}); received ${JSON.stringify(this.received)}`);
  }

  /** Resolves with the close code once the server closes this socket, or undefined after `timeoutMs`. */
  closedBy(timeoutMs: number): Promise<number | undefined> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    return new Promise<number | undefined>((resolve) => {
      const listener = (): void => {
        if (this.closeCode === undefined) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(this.closeCode);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        resolve(undefined);
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Closes the socket and waits for it to close; a peer that does not answer within `graceMs` is cut off. */
  close(graceMs = 2_000): Promise<void> {
    if (this.closeCode !== undefined) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.socket.terminate(), graceMs);
      this.socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
      else this.socket.terminate();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
