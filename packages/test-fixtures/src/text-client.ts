import WebSocket from "ws";
import { openSocket } from "./open-socket";

export interface TextClientOptions {
  /** Shown in errors, so a failing test says which client missed what; the URL by default. */
  label?: string;
  protocols?: string[];
  /** Handshake headers and the like, as `ws` takes them. */
  socket?: WebSocket.ClientOptions;
  /** How long the handshake may take. */
  timeoutMs?: number;
}

/**
 * A WebSocket client that records every frame it receives (text as it is, binary as `<N bytes>`),
 * for tests that wait on messages, never on time. `await using client = await TextClient.open(url)`
 * closes it when the block ends; `WsClients.text()` terminates it with a test's other clients.
 */
export class TextClient implements AsyncDisposable {
  readonly received: string[] = [];
  /** The code the socket closed with, once it has. */
  closeCode: number | undefined;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<number>;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly label: string,
    readonly socket: WebSocket,
  ) {
    socket.on("message", (data, isBinary) => {
      this.received.push(isBinary ? `<${(data as Buffer).length} bytes>` : String(data));
      this.notify();
    });
    this.closed = new Promise((resolve) =>
      socket.once("close", (code) => {
        this.closeCode = code;
        this.notify();
        resolve(code);
      }),
    );
  }

  /** Opens `url`; rejects with `Refused` (the HTTP status) or an Error naming the label and why. */
  static async open(url: string, options: TextClientOptions = {}): Promise<TextClient> {
    const label = options.label ?? url;
    const { socket, opened } = openSocket(url, options.protocols, options.socket, options.timeoutMs);
    const client = new TextClient(label, socket); // listening before the first frame can come
    try {
      await opened;
    } catch (error) {
      if (options.label !== undefined && error instanceof Error) error.message = `${label}: ${error.message}`;
      throw error;
    }
    return client;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
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
      listener(); // closed already
    });
  }

  /** Like `within`, but a timeout or a close is an error naming what was awaited and what came. */
  async until(what: string, predicate: (received: readonly string[]) => boolean, timeoutMs = 5_000): Promise<void> {
    if (await this.within(predicate, timeoutMs)) return;
    const state = this.closeCode === undefined ? `after ${timeoutMs} ms` : `closed with ${this.closeCode}`;
    throw new Error(`${this.label} did not receive ${what} (${state}); received ${JSON.stringify(this.received)}`);
  }

  /** The first message received (already or to come) that equals or matches `expected`. */
  async next(expected: string | RegExp, timeoutMs = 5_000): Promise<string> {
    const matches = (text: string): boolean => (typeof expected === "string" ? text === expected : expected.test(text));
    const what = typeof expected === "string" ? JSON.stringify(expected) : String(expected);
    await this.until(what, (received) => received.some(matches), timeoutMs);
    return this.received.find(matches) as string;
  }

  /** Resolves with the close code once the server closes this socket, or undefined after `timeoutMs`. */
  async closedBy(timeoutMs: number): Promise<number | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    return Promise.race([this.closed, timeout]).finally(() => clearTimeout(timer));
  }

  /** Closes the socket (1000) and resolves with the close code; a peer that does not answer within `graceMs` is cut off. */
  close(graceMs = 2_000): Promise<number> {
    if (this.closeCode === undefined) {
      const timer = setTimeout(() => this.socket.terminate(), graceMs);
      void this.closed.then(() => clearTimeout(timer));
      if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
      else this.socket.terminate();
    }
    return this.closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
