import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** What a contract server does with each decoded frame: reply on `socket`, or not. */
export type FrameHandler = (frame: Record<string, unknown>, socket: WebSocket) => void;

/**
 * A small `ws` server that speaks issue 11's wire contracts as the tests script it: records every
 * frame it gets, hands each to `onFrame`, and can stop and start again on the same port.
 */
export class ContractServer {
  readonly frames: Array<Record<string, unknown>> = [];
  readonly sockets = new Set<WebSocket>();
  private server: WebSocketServer | undefined;
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  private connectionWaiters: Array<(socket: WebSocket) => void> = [];
  private readonly connectionHandlers: Array<(socket: WebSocket) => void> = [];
  port = 0;

  constructor(private readonly onFrame: FrameHandler = () => {}) {}

  static async start(onFrame?: FrameHandler): Promise<ContractServer> {
    const server = new ContractServer(onFrame);
    await server.listen();
    return server;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** Listens on 127.0.0.1, on the port it had before once it has one. */
  async listen(): Promise<void> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: this.port });
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => {});
      socket.on("message", (data) => {
        const frame = JSON.parse(String(data)) as Record<string, unknown>;
        this.frames.push(frame);
        this.waiters = this.waiters.filter((waiter) => (this.frames.length >= waiter.count ? waiter.resolve() : true));
        this.onFrame(frame, socket);
      });
      for (const waiter of this.connectionWaiters.splice(0)) waiter(socket);
      for (const handler of this.connectionHandlers) handler(socket);
    });
    await once(server, "listening");
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every socket (they see 1006, as when a server process dies). */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Resolves once `count` frames have come in total. */
  framesReceived(count: number): Promise<Array<Record<string, unknown>>> {
    if (this.frames.length >= count) return Promise.resolve(this.frames.slice(0, count));
    return new Promise((resolve) =>
      this.waiters.push({ count, resolve: () => resolve(this.frames.slice(0, count)) }),
    ).then(() => this.frames.slice(0, count));
  }

  /** Calls `handler` with every socket that connects from now on (e.g. to close it at once). */
  onConnection(handler: (socket: WebSocket) => void): void {
    this.connectionHandlers.push(handler);
  }

  /** The next socket to connect. */
  nextConnection(): Promise<WebSocket> {
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  /** Sends `value` as JSON to every connected socket. */
  broadcast(value: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(value));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
