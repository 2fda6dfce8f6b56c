import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import WebSocket from "ws";
import type { Application } from "@channels-ts/core";
import { serve, silentLogger, type Logger, type ServeOptions, type ServerHandle } from "../src";

const handles: ServerHandle[] = [];

/** Serves `app` on 127.0.0.1:0 with a silent logger; `closeAll()` in afterEach stops it. */
export async function start(app: Application, options: ServeOptions = {}): Promise<ServerHandle> {
  const handle = await serve(app, { port: 0, logger: silentLogger, pingIntervalMs: 0, ...options });
  handles.push(handle);
  return handle;
}

export async function closeAll(): Promise<void> {
  await Promise.all(handles.splice(0).map((h) => h.close()));
}

export function wsUrl(handle: ServerHandle, path: string): string {
  return `ws://127.0.0.1:${handle.address.port}${path}`;
}

const sockets: WebSocket[] = [];

/** Opens a client WebSocket; rejects with the HTTP status if the handshake is refused. */
export function openWs(url: string, protocols?: string[], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    sockets.push(ws);
    ws.on("error", () => undefined);
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => {
      res.resume();
      reject(new Refused(res.statusCode ?? 0));
      ws.terminate();
    });
    ws.once("close", (code) => reject(new Error(`closed before open (${code})`)));
  });
}

export class Refused extends Error {
  constructor(readonly status: number) {
    super(`handshake refused with ${status}`);
  }
}

/** The HTTP status a refused handshake got. */
export async function refusal(url: string, protocols?: string[]): Promise<number> {
  try {
    await openWs(url, protocols);
  } catch (err) {
    if (err instanceof Refused) return err.status;
    throw err;
  }
  throw new Error(`expected ${url} to be refused, but it opened`);
}

export function terminateClients(): void {
  for (const ws of sockets.splice(0)) ws.terminate();
}

/** Next frame, as string for text and Buffer for binary. */
export function nextFrame(ws: WebSocket): Promise<string | Buffer> {
  return new Promise((resolve) =>
    ws.once("message", (data, isBinary) => resolve(isBinary ? (data as Buffer) : (data as Buffer).toString())),
  );
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error("already closed"));
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function fetchText(
  url: string,
  options: { method?: string; headers?: Record<string, string> | string[]; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A promise with its resolver outside, to let a test and an application wait on each other. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface LogEntry {
  level: "info" | "warn" | "error" | "debug";
  obj: object | undefined;
  msg: string;
}

/** A Logger that records every call; `waitFor` resolves on the first entry matching. */
export function recordingLogger(): Logger & {
  entries: LogEntry[];
  waitFor(match: (e: LogEntry) => boolean): Promise<LogEntry>;
} {
  const entries: LogEntry[] = [];
  const watchers: Array<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }> = [];
  const record = (level: LogEntry["level"]) => (objOrMsg: object | string, msg?: string) => {
    const entry: LogEntry =
      typeof objOrMsg === "string"
        ? { level, obj: undefined, msg: objOrMsg }
        : { level, obj: objOrMsg, msg: msg ?? "" };
    entries.push(entry);
    for (let i = watchers.length - 1; i >= 0; i--) {
      const w = watchers[i]!;
      if (w.match(entry)) {
        watchers.splice(i, 1);
        w.resolve(entry);
      }
    }
  };
  return {
    entries,
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
    debug: record("debug"),
    waitFor(match) {
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => watchers.push({ match, resolve }));
    },
  };
}
