import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { connect, type Socket } from "node:net";
import type { Application } from "@channels-ts/core";
import { attach, InvalidServerOption } from "@channels-ts/server";
import { deferred, openSocket, recordingLogger, Refused, startServer } from "@channels-ts/test-fixtures";

/** Accepts every WebSocket (once `gate` opens), counts the scopes it saw, and says when each application ended. */
function countingApp(gate: Promise<void> = Promise.resolve()): {
  app: Application;
  seen: () => number;
  /** Resolves once `n` scopes have reached the application. */
  reached: (n: number) => Promise<void>;
  nextEnd: () => Promise<void>;
} {
  let seen = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let ended = deferred<void>();
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    seen++;
    for (const w of waiters) if (seen >= w.n) w.resolve();
    try {
      await receive();
      await gate;
      await send({ type: "websocket.accept" });
      for (;;) if ((await receive()).type === "websocket.disconnect") return;
    } finally {
      ended.resolve();
      ended = deferred<void>();
    }
  };
  const nextEnd = (): Promise<void> => ended.promise;
  const reached = (n: number): Promise<void> =>
    seen >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
  return { app, seen: () => seen, reached, nextEnd };
}

async function statusOf(url: string, options: { localAddress?: string; headers?: Record<string, string> } = {}) {
  const { opened } = openSocket(url, undefined, options);
  try {
    const ws = await opened;
    return { status: 101, ws };
  } catch (error) {
    if (error instanceof Refused) return { status: error.status, ws: undefined };
    throw error;
  }
}

/** A raw TCP client that writes `request` and resolves with the status line's code, or 0 if dropped without one. */
function rawRequest(port: number, request: string): { socket: Socket; status: Promise<number> } {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  const status = new Promise<number>((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (match !== null) resolve(Number(match[1]));
    });
    socket.on("close", () => resolve(0));
  });
  socket.write(request);
  return { socket, status };
}

function upgradeHead(port: number, path = "/", extra = ""): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`
  );
}

const warnings = (logger: ReturnType<typeof recordingLogger>, text: string): string[] =>
  logger.entries.filter((e) => e.level === "warn" && e.msg.includes(text)).map((e) => e.msg);
const accessLines = (logger: ReturnType<typeof recordingLogger>, text: string): string[] =>
  logger.entries.filter((e) => e.level === "info" && e.msg.includes(text)).map((e) => e.msg);

describe("maxConnectionsPerAddress", () => {
  it("refuses one more WebSocket from an address with 503 before the application runs; other addresses are served; a closed one frees its place", async () => {
    const logger = recordingLogger();
    const { app, seen, nextEnd } = countingApp();
    await using server = await startServer(app, { maxConnectionsPerAddress: 2, logger, accessLog: true });
    const first = await server.openWs("/");
    await server.openWs("/");
    expect(seen()).toBe(2);
    expect((await statusOf(server.wsUrl("/room/"))).status).toBe(503);
    expect((await statusOf(server.wsUrl("/room/"))).status).toBe(503);
    expect(seen()).toBe(2);
    // Another address is served as before.
    const other = await statusOf(server.wsUrl("/"), { localAddress: "127.0.0.2" });
    expect(other.status).toBe(101);
    other.ws?.terminate();
    // One rate-limited warning for both refusals, naming the option and the address.
    const lines = warnings(logger, "maxConnectionsPerAddress");
    expect(lines).toEqual([
      expect.stringMatching(
        /^refused 1 WebSocket handshake\(s\) \(503\) over maxConnectionsPerAddress \(2\), latest from 127\.0\.0\.1;/,
      ),
    ]);
    expect(accessLines(logger, '"WSREJECT /room/" 503 -')).toHaveLength(2);
    // A client that leaves gives its place back once its application has ended.
    const ended = nextEnd();
    first.close();
    await ended;
    await new Promise((resolve) => setImmediate(resolve));
    expect((await statusOf(server.wsUrl("/"))).status).toBe(101);
  });

  it("counts the client address a trusted proxy forwards, not the proxy's", async () => {
    const { app } = countingApp();
    await using server = await startServer(app, { maxConnectionsPerAddress: 1, trustProxyHeaders: true });
    const a = { headers: { "X-Forwarded-For": "203.0.113.1" } };
    const b = { headers: { "X-Forwarded-For": "203.0.113.2" } };
    expect((await statusOf(server.wsUrl("/"), a)).status).toBe(101);
    expect((await statusOf(server.wsUrl("/"), a)).status).toBe(503);
    expect((await statusOf(server.wsUrl("/"), b)).status).toBe(101);
  });
});

describe("maxConnectionsPerAddress, with applications that fail and clients that never answer the close", () => {
  /** Accepts, then throws: the server closes with 1011, a close these raw clients never answer. */
  const failing: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    await receive();
    await send({ type: "websocket.accept" });
    throw new Error("consumer failed on connect");
  };
  const failures = (logger: ReturnType<typeof recordingLogger>): number =>
    logger.entries.filter((e) => e.level === "error" && e.msg.startsWith("Exception inside application")).length;

  /** `n` raw clients from 127.0.0.1, each accepted and then sent a 1011 it does not answer. */
  async function failedClients(port: number, logger: ReturnType<typeof recordingLogger>, n: number) {
    const clients: Socket[] = [];
    for (let i = 0; i < n; i++) {
      const client = rawRequest(port, upgradeHead(port, "/fail/"));
      expect(await client.status).toBe(101);
      clients.push(client.socket);
    }
    // The applications have ended (the server logs the error, then sends 1011).
    await logger.waitFor(() => failures(logger) >= n);
    return clients;
  }

  it("keeps the client's place until its socket has closed, not only until its application ended", async () => {
    const logger = recordingLogger();
    await using server = await startServer(failing, {
      maxConnectionsPerAddress: 2,
      closeTimeoutMs: 60_000,
      logger,
      accessLog: true,
    });
    const port = server.address.port;
    const clients = await failedClients(port, logger, 2);
    // Both sockets are still open: a third from the address is refused.
    expect(await rawRequest(port, upgradeHead(port, "/third/")).status).toBe(503);
    expect(accessLines(logger, '"WSREJECT /third/" 503 -')).toHaveLength(1);
    // Once they are gone, their places are free.
    const gone = logger.waitFor(() => accessLines(logger, '"WSDISCONNECT /fail/"').length >= 2);
    for (const client of clients) client.destroy();
    await gone;
    const fourth = rawRequest(port, upgradeHead(port, "/fourth/"));
    expect(await fourth.status).toBe(101);
    const fourthGone = logger.waitFor(() => accessLines(logger, '"WSDISCONNECT /fourth/"').length >= 1);
    fourth.socket.destroy();
    await fourthGone;
  });

  it("shutdown still sees those sockets: it waits shutdownTimeoutMs for them, then drops them", async () => {
    const logger = recordingLogger();
    await using server = await startServer(failing, { closeTimeoutMs: 60_000, shutdownTimeoutMs: 300, logger });
    const clients = await failedClients(server.address.port, logger, 2);
    const dropped = clients.map((client) => new Promise((resolve) => client.once("close", resolve)));
    await server.close();
    expect(warnings(logger, "still open after shutdownTimeoutMs")).toEqual([
      expect.stringMatching(/^2 connection\(s\) still open after shutdownTimeoutMs \(300 ms\); dropping them$/),
    ]);
    await Promise.all(dropped);
  });
});

describe("maxPendingHandshakes", () => {
  it("refuses a handshake with 503 while that many wait for the application; the waiting ones still complete", async () => {
    const logger = recordingLogger();
    const gate = deferred<void>();
    const { app, seen, reached } = countingApp(gate.promise);
    await using server = await startServer(app, { maxPendingHandshakes: 2, logger, accessLog: true });
    const port = server.address.port;
    const waiting = [rawRequest(port, upgradeHead(port)), rawRequest(port, upgradeHead(port))];
    await reached(2);
    const refused = rawRequest(port, upgradeHead(port, "/third/"));
    expect(await refused.status).toBe(503);
    expect(seen()).toBe(2);
    expect(warnings(logger, "maxPendingHandshakes (2)")).toHaveLength(1);
    expect(accessLines(logger, '"WSREJECT /third/" 503 -')).toHaveLength(1);
    gate.resolve();
    expect(await Promise.all(waiting.map((w) => w.status))).toEqual([101, 101]);
    // Accepted handshakes are no longer pending: a new one goes through.
    expect((await statusOf(server.wsUrl("/"))).status).toBe(101);
    for (const w of waiting) w.socket.destroy();
  });
});

describe("handshakeTimeoutMs", () => {
  it("answers 408 and drops a client whose upgrade request does not complete in time; others are served meanwhile", async () => {
    const logger = recordingLogger();
    const { app } = countingApp();
    await using server = await startServer(app, { handshakeTimeoutMs: 500, logger, accessLog: true });
    const port = server.address.port;
    const slow = rawRequest(port, `GET /slow/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`);
    expect((await statusOf(server.wsUrl("/"))).status).toBe(101);
    expect(await slow.status).toBe(408);
    await new Promise((resolve) => slow.socket.once("close", resolve));
    expect(warnings(logger, "handshakeTimeoutMs (500 ms)")).toHaveLength(1);
    expect(accessLines(logger, '"-" 408 -')).toHaveLength(1);
  });
});

describe("maxHeaderSize", () => {
  it("answers 431 to an upgrade request whose head is too big, logged as WSREJECT; others are served", async () => {
    const logger = recordingLogger();
    const { app, seen } = countingApp();
    await using server = await startServer(app, { maxHeaderSize: 2048, logger, accessLog: true });
    const port = server.address.port;
    const big = rawRequest(port, upgradeHead(port, "/big/", `X-Padding: ${"a".repeat(4096)}\r\n`));
    expect(await big.status).toBe(431);
    expect(seen()).toBe(0);
    expect(warnings(logger, "maxHeaderSize (2048 bytes)")).toHaveLength(1);
    expect(accessLines(logger, '"WSREJECT /big/" 431 -')).toHaveLength(1);
    expect((await statusOf(server.wsUrl("/"))).status).toBe(101);
  });

  it("is the default 16 KiB: a 20 KiB head gets 431", async () => {
    const { app } = countingApp();
    await using server = await startServer(app);
    const port = server.address.port;
    const big = rawRequest(port, upgradeHead(port, "/", `X-Padding: ${"a".repeat(20 * 1024)}\r\n`));
    expect(await big.status).toBe(431);
  });
});

test("attach() refuses handshakeTimeoutMs and maxHeaderSize, naming the host server's own options", () => {
  const host = createServer();
  const app: Application = async () => undefined;
  expect(() => attach(host, app, { handshakeTimeoutMs: 1000 } as never)).toThrow(InvalidServerOption);
  expect(() => attach(host, app, { handshakeTimeoutMs: 1000 } as never)).toThrow(
    /http\.createServer\(\{ headersTimeout \}\)/,
  );
  expect(() => attach(host, app, { maxHeaderSize: 1000 } as never)).toThrow(
    /http\.createServer\(\{ maxHeaderSize \}\)/,
  );
});
