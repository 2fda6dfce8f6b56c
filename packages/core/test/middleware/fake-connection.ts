import type { Headers, Message, Receive, Scope, Send } from "../../src/types";

/** A FIFO whose `next()` waits for the next `push`: the two directions of a fake connection. */
class MessageQueue {
  private readonly items: Message[] = [];
  private readonly waiters: Array<(message: Message) => void> = [];

  push(message: Message): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(message);
    else this.items.push(message);
  }

  next(): Promise<Message> {
    const item = this.items.shift();
    if (item) return Promise.resolve(item);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** In-process stand-in for a server: feed it client events, read what the application sent. */
export function fakeConnection(...incoming: Message[]) {
  const toApp = new MessageQueue();
  const fromApp = new MessageQueue();
  const sent: Message[] = [];
  for (const message of incoming) toApp.push(message);
  const receive: Receive = () => toApp.next();
  const send: Send = async (message) => {
    sent.push(message);
    fromApp.push(message);
  };
  return { receive, send, sent, push: (m: Message) => toApp.push(m), nextSent: () => fromApp.next() };
}

export function websocketScope(headers: Headers = [], extra: Record<string, unknown> = {}): Scope {
  return { type: "websocket", path: "/ws/", query_string: "", root_path: "", headers, subprotocols: [], ...extra };
}

export function httpScope(headers: Headers = [], extra: Record<string, unknown> = {}): Scope {
  return { type: "http", method: "GET", path: "/", query_string: "", root_path: "", headers, ...extra };
}

/** An application that records the scope it was given and returns. */
export function scopeRecorder() {
  const seen: Scope[] = [];
  const app = async (scope: Scope): Promise<void> => {
    seen.push(scope);
  };
  return { app, seen };
}

/** Runs a WebSocket handshake against `app`; true if it accepted, false if it closed. */
export async function handshake(
  app: (s: Scope, r: Receive, s2: Send) => Promise<void>,
  scope: Scope,
): Promise<boolean> {
  const conn = fakeConnection({ type: "websocket.connect" });
  const running = app(scope, conn.receive, conn.send);
  const reply = await conn.nextSent();
  conn.push({ type: "websocket.disconnect", code: 1000 });
  await running;
  if (reply.type === "websocket.close") expect(reply["code"]).toBe(1008);
  return reply.type === "websocket.accept";
}
