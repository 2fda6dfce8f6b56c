import { request } from "node:http";
import type { Application, SendEvent } from "@channels-ts/core";
import { deferred, echoApp, nextFrame, useServer } from "@channels-ts/test-fixtures";
import fc from "fast-check";
import WebSocket from "ws";

// Random sequences of ASGI events sent by an application, valid and not: what the client sees
// (handshake status, frames, close code; HTTP status and body) and which sends the application
// sees rejected both follow a small model of the server's documented rules. Each run's connection
// is its own; a long-lived echo client checks after every run that the server still serves others.

/** What the application does with a send that rejects: stop there (the error ends it) or carry on. */
type Mode = "propagate" | "swallow" | "throw-at-end";

interface Script {
  mode: Mode;
  events: unknown[];
  /** The subprotocols a WebSocket client offers. */
  offered?: string[];
}

/** What an application saw of its own sends: whether each was refused. */
type Refusals = boolean[];

const scripts = new Map<string, { script: Script; refusals: Refusals; finish: () => void }>();
let nextId = 0;

const echo = echoApp();
const app: Application = async (scope, receive, send) => {
  const id = /^\/run\/(\d+)$/.exec(String(scope.path))?.[1];
  const entry = id === undefined ? undefined : scripts.get(id);
  if (entry === undefined) return echo(scope, receive, send);
  try {
    await receive(); // websocket.connect or http.request
    for (const event of entry.script.events) {
      try {
        await send(event as SendEvent);
        entry.refusals.push(false);
      } catch (error) {
        entry.refusals.push(true);
        if (entry.script.mode === "propagate") throw error;
      }
    }
    if (entry.script.mode === "throw-at-end") throw new Error("the application fails after its events");
  } finally {
    entry.finish();
  }
};

const server = useServer(app);
let canary: WebSocket;
let canaryCount = 0;

beforeAll(async () => {
  canary = await server().openWs("/canary");
});

/** The long-lived client still gets an echo of a new frame, and only that. */
async function canaryStillServed(): Promise<void> {
  const text = `ping ${canaryCount++}`;
  const reply = nextFrame(canary);
  canary.send(text);
  expect(await reply).toBe(`echo:${text}`);
}

/** A path that runs `script`; `ended` resolves once the application has returned or thrown. */
function register(script: Script): { path: string; refusals: Refusals; ended: Promise<void>; done: () => void } {
  const id = String(nextId++);
  const refusals: Refusals = [];
  const { promise: ended, resolve: finish } = deferred<void>();
  scripts.set(id, { script, refusals, finish });
  return { path: `/run/${id}`, refusals, ended, done: () => scripts.delete(id) };
}

const modes = fc.constantFrom<Mode>("propagate", "swallow", "throw-at-end");

/** Events of another protocol, or not events at all. */
const wrongEvents = fc.constantFrom<unknown>(
  { type: "websocket.receive", text: "x" },
  { type: "websocket.disconnect", code: 1000 },
  { type: "lifespan.startup.complete" },
  { type: "" },
  { type: 42 },
  {},
  null,
  "websocket.send",
  42,
);

// ---------------------------------------------------------------------------------------------
// WebSocket

const OFFERED = ["chat", "superchat"];
/** Headers only the server may set in a 101. */
const RESERVED = [
  "upgrade",
  "connection",
  "sec-websocket-accept",
  "sec-websocket-protocol",
  "sec-websocket-extensions",
];

const wsEvents: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ type: "websocket.accept" }) },
  fc.constantFrom(
    { type: "websocket.accept", subprotocol: "chat" },
    { type: "websocket.accept", subprotocol: null },
    { type: "websocket.accept", subprotocol: "not-offered" },
    { type: "websocket.accept", subprotocol: 7 },
    { type: "websocket.accept", headers: [["x-extra", "1"]] },
    { type: "websocket.accept", headers: [["bad name", "1"]] },
    { type: "websocket.accept", headers: "x-extra: 1" },
    { type: "websocket.accept", headers: [["sec-websocket-accept", "forged"]] },
  ),
  {
    weight: 4,
    arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map((text) => ({ type: "websocket.send", text })),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 20 }).map((bytes) => ({ type: "websocket.send", bytes })) },
  fc.constantFrom(
    { type: "websocket.send", text: "a", bytes: new Uint8Array([1]) },
    { type: "websocket.send" },
    { type: "websocket.send", text: 5 },
    { type: "websocket.send", bytes: "not bytes" },
    { type: "websocket.send", text: null, bytes: new Uint8Array([2]) },
  ),
  fc.constantFrom(
    { type: "websocket.close" },
    { type: "websocket.close", code: 1000 },
    { type: "websocket.close", code: 4000, reason: "bye" },
    { type: "websocket.close", code: 3001 },
    { type: "websocket.close", code: 1005 },
    { type: "websocket.close", code: 999 },
    { type: "websocket.close", code: 5000 },
    { type: "websocket.close", code: "1000" },
    { type: "websocket.close", code: 1000, reason: "x".repeat(124) },
    { type: "websocket.close", code: 1000, reason: 5 },
  ),
  fc.constantFrom({ type: "http.response.start", status: 200 }, { type: "http.response.body", body: "x" }),
  wrongEvents,
);

type Frame = { text: string } | { bytes: number[] };
type WsOutcome =
  | { refused: number }
  | { frames: Frame[]; code: number; reason: string; subprotocol: string }
  /** The client offered subprotocols and the server accepted without one: the client gives up (RFC 6455 4.1). */
  | { noSubprotocol: true };

function isSendableCloseCode(code: unknown): boolean {
  if (typeof code !== "number" || !Number.isInteger(code)) return false;
  return (code >= 3000 && code <= 4999) || (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code));
}

/** The server's rules for a WebSocket application's events, as documented, in one loop. */
function wsModel(script: Script): { outcome: WsOutcome; refusals: Refusals; racesAfter: number } {
  const offered = script.offered ?? [];
  // Once the client gives up, what the server does with later events races with its leaving.
  let racesAfter = script.events.length;
  let state: "connecting" | "open" | "closed" = "connecting";
  const frames: Frame[] = [];
  const refusals: Refusals = [];
  let outcome: WsOutcome | undefined;
  let subprotocol = "";
  let failed = false;
  const closeWith = (code: number, reason: string): void => {
    outcome ??= { frames, code, reason, subprotocol };
    state = "closed";
  };
  const refuse = (status: number): void => {
    outcome = { refused: status };
    state = "closed";
  };
  for (const event of script.events) {
    const e = (typeof event === "object" && event !== null ? event : {}) as Record<string, unknown>;
    let refused = false;
    switch (e.type) {
      case "websocket.accept": {
        if (state === "open") refused = true;
        else if (state === "connecting") {
          const sub = e.subprotocol ?? undefined;
          const headers = e.headers as unknown;
          const badSub = sub !== undefined && (typeof sub !== "string" || !offered.includes(sub));
          const badHeaders =
            headers !== undefined &&
            (!Array.isArray(headers) ||
              headers.some(
                (h: unknown) =>
                  !Array.isArray(h) ||
                  !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(String(h[0])) ||
                  RESERVED.includes(String(h[0])),
              ));
          if (badSub || badHeaders) refused = true;
          else {
            state = "open";
            subprotocol = typeof sub === "string" ? sub : "";
            if (subprotocol === "" && offered.length > 0 && outcome === undefined) {
              outcome = { noSubprotocol: true };
              racesAfter = refusals.length + 1;
            }
          }
        }
        break;
      }
      case "websocket.send": {
        if (state === "connecting") refused = true;
        else if (state === "open") {
          const { text, bytes } = e;
          if (typeof text === "string" && (bytes === undefined || bytes === null)) frames.push({ text });
          else if (bytes instanceof Uint8Array && (text === undefined || text === null))
            frames.push({ bytes: [...bytes] });
          else refused = true;
        }
        break;
      }
      case "websocket.close": {
        if (state === "connecting") refuse(403);
        else if (state === "open") {
          const code = e.code ?? 1000;
          const reason = e.reason ?? "";
          if (!isSendableCloseCode(code) || typeof reason !== "string" || Buffer.byteLength(reason) > 123)
            refused = true;
          else closeWith(code as number, reason);
        }
        break;
      }
      default:
        refused = true;
    }
    refusals.push(refused);
    if (refused && script.mode === "propagate") {
      failed = true;
      break;
    }
  }
  failed ||= script.mode === "throw-at-end";
  if (state === "connecting") refuse(500);
  else if (state === "open") closeWith(failed ? 1011 : 1000, "");
  return { outcome: outcome as WsOutcome, refusals, racesAfter };
}

/** Connects, and collects everything until the connection ends. */
function observeWs(url: string, offered: string[]): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, offered);
    const frames: Frame[] = [];
    ws.on("unexpected-response", (_req, res) => {
      res.resume();
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on("message", (data: Buffer, isBinary) =>
      frames.push(isBinary ? { bytes: [...data] } : { text: data.toString() }),
    );
    ws.on("close", (code, reason) => resolve({ frames, code, reason: reason.toString(), subprotocol: ws.protocol }));
    ws.on("error", (error) => {
      if (error.message === "Server sent no subprotocol") resolve({ noSubprotocol: true });
      else reject(error);
    });
  });
}

describe("random event sequences from a WebSocket application", () => {
  it("the client sees what the model says, the application sees the refusals it says, others are served", async () => {
    await fc.assert(
      fc.asyncProperty(
        modes,
        fc.array(wsEvents, { maxLength: 8 }),
        fc.constantFrom([], OFFERED),
        async (mode, events, offered) => {
          const script = { mode, events, offered };
          const { path, refusals, done, ended } = register(script);
          try {
            const expected = wsModel(script);
            expect(await observeWs(server().wsUrl(path), offered)).toEqual(expected.outcome);
            await ended;
            expect(refusals.slice(0, expected.racesAfter)).toEqual(expected.refusals.slice(0, expected.racesAfter));
          } finally {
            done();
          }
          await canaryStillServed();
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// HTTP

const httpEvents: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(200, 201, 299, 404, 418, 599, "203"), fc.constantFrom(undefined, [], [["x-t", "1"]]))
      .map(([status, headers]) => ({ type: "http.response.start", status, headers })),
  },
  fc.constantFrom(
    { type: "http.response.start", status: 99 },
    { type: "http.response.start", status: 1000 },
    { type: "http.response.start", status: 200.5 },
    { type: "http.response.start", status: "abc" },
    { type: "http.response.start", status: null },
    { type: "http.response.start" },
    { type: "http.response.start", status: 200, headers: "x-t: 1" },
    { type: "http.response.start", status: 200, headers: [["x-a", "v\r\nInjected: 1"]] },
    { type: "http.response.start", status: 200, headers: [["only-a-name"]] },
    { type: "http.response.start", status: 200, headers: [["bad name", "v"]] },
  ),
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)),
          fc.constant(undefined),
        ),
        fc.boolean(),
      )
      .map(([body, more]) => ({ type: "http.response.body", body, more_body: more })),
  },
  fc.constantFrom(
    { type: "http.response.body", body: 42 },
    { type: "http.response.body", body: { a: 1 }, more_body: true },
  ),
  fc.constantFrom({ type: "websocket.accept" }, { type: "websocket.send", text: "x" }),
  wrongEvents,
);

type HttpOutcome = { status: number; body: string } | { aborted: true };

function httpModel(script: Script): { outcome: HttpOutcome; refusals: Refusals } {
  let state: "waiting" | "started" | "streaming" | "complete" = "waiting";
  let status = 0;
  let body = "";
  const refusals: Refusals = [];
  for (const event of script.events) {
    const e = (typeof event === "object" && event !== null ? event : {}) as Record<string, unknown>;
    let refused = false;
    if (e.type === "http.response.start") {
      const code = Number(e.status);
      const headers = e.headers as unknown;
      const badHeaders =
        headers !== undefined &&
        (!Array.isArray(headers) ||
          headers.some(
            (h: unknown) =>
              !Array.isArray(h) ||
              h.length !== 2 ||
              !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(String(h[0])) ||
              /[\r\n\0]/.test(String(h[1])),
          ));
      if (state !== "waiting" || !Number.isInteger(code) || code < 100 || code > 999 || badHeaders) refused = true;
      else {
        status = code;
        state = "started";
      }
    } else if (e.type === "http.response.body") {
      if (state === "waiting") refused = true;
      else if (state !== "complete") {
        const chunk = e.body;
        if (chunk !== undefined && typeof chunk !== "string" && !(chunk instanceof Uint8Array)) refused = true;
        else {
          body += chunk === undefined ? "" : Buffer.from(chunk).toString("latin1");
          state = e.more_body === true ? "streaming" : "complete";
        }
      }
    } else refused = true;
    refusals.push(refused);
    if (refused && script.mode === "propagate") break;
  }
  // An application that ends (with an error or not) before the response is complete gets the same
  // answer: a 500 while no header is on the wire, a cut connection after.
  if (state === "complete") return { outcome: { status, body }, refusals };
  if (state === "streaming") return { outcome: { aborted: true }, refusals };
  return { outcome: { status: 500, body: "500 Internal Server Error\n" }, refusals };
}

function observeHttp(url: string): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("latin1") }));
      res.on("aborted", () => resolve({ aborted: true }));
      res.on("error", () => resolve({ aborted: true }));
    });
    req.on("error", () => resolve({ aborted: true }));
    req.end();
  });
}

describe("random event sequences from an HTTP application", () => {
  it("the client gets the response the model says (500 before the headers, a cut stream after), others are served", async () => {
    await fc.assert(
      fc.asyncProperty(modes, fc.array(httpEvents, { maxLength: 8 }), async (mode, events) => {
        const script = { mode, events };
        const { path, refusals, done, ended } = register(script);
        try {
          const expected = httpModel(script);
          expect(await observeHttp(`${server().url}${path}`)).toEqual(expected.outcome);
          await ended;
          expect(refusals).toEqual(expected.refusals);
        } finally {
          done();
        }
        await canaryStillServed();
      }),
      { numRuns: 150 },
    );
  });
});

test("after every sequence, the long-lived client is still served and no application is left running", async () => {
  await canaryStillServed();
  expect(canaryCount).toBeGreaterThan(300);
  expect(scripts.size).toBe(0);
});
