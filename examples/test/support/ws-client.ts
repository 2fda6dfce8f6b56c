import WebSocket from "ws";

/** A WebSocket client that keeps what it received, for tests that wait on messages, not on time. */
export class TestClient {
  readonly received: string[] = [];
  readonly closed: Promise<number>;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data, isBinary) => {
      this.received.push(isBinary ? `<${(data as Buffer).length} bytes>` : data.toString());
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.once("close", (code) => resolve(code)));
  }

  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, options);
    const client = new TestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(client));
      socket.once("error", reject);
    });
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** Resolves once a received message equals or matches `expected`. */
  async next(expected: string | RegExp, timeoutMs = 5_000): Promise<string> {
    const find = (): string | undefined =>
      this.received.find((text) => (typeof expected === "string" ? text === expected : expected.test(text)));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message ${String(expected)}; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<number> {
    this.socket.close();
    return this.closed;
  }
}
