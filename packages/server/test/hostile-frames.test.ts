import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { Application, Message, Send } from "@channels-ts/core";
import { deferred, useServer } from "@channels-ts/test-fixtures";
import type WebSocket from "ws";

// Hostile clients at a live server, each on a raw TCP socket with a hand-made handshake and
// hand-made frames, while well-behaved clients keep talking in a room. Each hostile connection
// gets the RFC 6455 close code (or is dropped), its application hears that same code, and the
// room loses nothing.

const MAX_PAYLOAD = 64 * 1024;

/** Members of /room/ get every text any member sends; /hostile/?id connections record their disconnect. */
const members = new Set<Send>();
const hostileDisconnects = new Map<string, ReturnType<typeof deferred<Message>>>();

const app: Application = async (scope, receive, send) => {
  if (scope.type !== "websocket") return;
  await receive();
  await send({ type: "websocket.accept" });
  if (scope.path === "/room/") {
    members.add(send);
    try {
      for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect") return;
        for (const member of members) await member({ type: "websocket.send", text: String(message.text) });
      }
    } finally {
      members.delete(send);
    }
  }
  const id = String(scope.query_string);
  for (;;) {
    const message = await receive();
    if (message.type === "websocket.disconnect") return hostileDisconnects.get(id)?.resolve(message);
  }
};

const server = useServer(app, { maxPayload: MAX_PAYLOAD, closeTimeoutMs: 2_000, handshakeTimeoutMs: 1_000 });

// ---------------------------------------------------------------------------------------------
// A raw client

interface FrameSpec {
  fin?: boolean;
  rsv?: number; // the three RSV bits, 0-7
  opcode: number;
  payload?: Uint8Array;
  mask?: boolean;
  /** Announce this length instead of the payload's (the payload is still what is written). */
  claimedLength?: bigint;
}

function frame({
  fin = true,
  rsv = 0,
  opcode,
  payload = new Uint8Array(0),
  mask = true,
  claimedLength,
}: FrameSpec): Buffer {
  const length = claimedLength ?? BigInt(payload.length);
  const parts: Buffer[] = [Buffer.from([(fin ? 0x80 : 0) | (rsv << 4) | opcode])];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) parts.push(Buffer.from([maskBit | Number(length)]));
  else if (length < 65536n) {
    const b = Buffer.alloc(3);
    b[0] = maskBit | 126;
    b.writeUInt16BE(Number(length), 1);
    parts.push(b);
  } else {
    const b = Buffer.alloc(9);
    b[0] = maskBit | 127;
    b.writeBigUInt64BE(length, 1);
    parts.push(b);
  }
  if (mask) {
    const key = randomBytes(4);
    parts.push(key, Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] as number))));
  } else parts.push(Buffer.from(payload));
  return Buffer.concat(parts);
}

function closePayload(code: number, reason: Uint8Array = new Uint8Array(0)): Uint8Array {
  const b = Buffer.alloc(2 + reason.length);
  b.writeUInt16BE(code, 0);
  b.set(reason, 2);
  return b;
}

/** How a raw connection ended: a close frame from the server (its code), or the TCP connection dropped without one. */
type Ending = { closeCode: number } | { dropped: true };

/**
 * A raw TCP client: `status` resolves with the handshake's HTTP status; `ending` with how the server
 * ended the connection. It answers nothing, as an attacker need not.
 */
class RawClient {
  readonly socket: Socket;
  readonly status: Promise<number>;
  readonly ending: Promise<Ending>;
  private received = Buffer.alloc(0);

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    const status = deferred<number>();
    const ending = deferred<Ending>();
    this.status = status.promise;
    this.ending = ending.promise;
    let headersDone = false;
    this.socket.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      if (!headersDone) {
        const end = this.received.indexOf("\r\n\r\n");
        if (end === -1) return;
        headersDone = true;
        status.resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(this.received.toString("latin1"))?.[1] ?? 0));
        this.received = this.received.subarray(end + 4);
      }
      const code = closeCodeIn(this.received);
      if (code !== undefined) {
        ending.resolve({ closeCode: code });
        this.socket.destroy();
      }
    });
    this.socket.on("error", () => undefined);
    this.socket.on("close", () => {
      status.resolve(0);
      ending.resolve({ dropped: true });
    });
  }

  static async open(port: number, id: string): Promise<RawClient> {
    const client = new RawClient(port);
    client.socket.write(handshake(`/hostile/?${id}`, port));
    expect(await client.status).toBe(101);
    return client;
  }

  send(...frames: Buffer[]): void {
    this.socket.write(Buffer.concat(frames));
  }
}

function handshake(path: string, port: number, extra = ""): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`
  );
}

/** The code of the first close frame among the server's (unmasked) frames, once it has fully arrived. */
function closeCodeIn(data: Buffer): number | undefined {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] as number) & 0x0f;
    let length = (data[at + 1] as number) & 0x7f;
    let header = 2;
    if (length === 126) {
      if (at + 4 > data.length) return undefined;
      length = data.readUInt16BE(at + 2);
      header = 4;
    } else if (length === 127) {
      if (at + 10 > data.length) return undefined;
      length = Number(data.readBigUInt64BE(at + 2));
      header = 10;
    }
    if (at + header + length > data.length) return undefined;
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(at + header) : 1005;
    at += header + length;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The room

const ROOM_SIZE = 3;
let room: WebSocket[] = [];
const counts: number[] = [];
let sent = 0;

beforeAll(async () => {
  room = await Promise.all(Array.from({ length: ROOM_SIZE }, () => server().openWs("/room/")));
  room.forEach((ws, i) => {
    counts[i] = 0;
    ws.on("message", () => (counts[i] = (counts[i] as number) + 1));
  });
});

/** Every member says something; resolves once every member has heard every one of them. */
async function roomRound(): Promise<void> {
  const heard = room.map((ws) => {
    let n = 0;
    return new Promise<void>((resolve) => {
      const onMessage = (): void => {
        if (++n < ROOM_SIZE) return;
        ws.off("message", onMessage);
        resolve();
      };
      ws.on("message", onMessage);
    });
  });
  room.forEach((ws, i) => ws.send(`round ${sent} from ${i}`));
  sent += ROOM_SIZE;
  await Promise.all(heard);
}

let nextId = 0;

/** Opens a hostile connection, sends `frames` while the room talks, and returns how it ended and what its application heard. */
async function hostile(...frames: Buffer[]): Promise<{ ending: Ending; heard: number }> {
  const id = String(nextId++);
  const disconnect = deferred<Message>();
  hostileDisconnects.set(id, disconnect);
  const client = await RawClient.open(server().address.port, id);
  client.send(...frames);
  const [ending] = await Promise.all([client.ending, roomRound()]);
  const heard = (await disconnect.promise).code as number;
  hostileDisconnects.delete(id);
  client.socket.destroy();
  return { ending, heard };
}

const text = (s: string): Uint8Array => Buffer.from(s);

describe("hostile frames, each on its own connection, while a room keeps talking", () => {
  it.each<[string, number, () => Buffer[]]>([
    [
      "invalid UTF-8 in a text frame",
      1007,
      () => [frame({ opcode: 0x1, payload: new Uint8Array([0x61, 0xff, 0xfe]) })],
    ],
    [
      "invalid UTF-8 across the fragments of a text message",
      1007,
      () => [
        frame({ opcode: 0x1, fin: false, payload: new Uint8Array([0xe2, 0x82]) }),
        frame({ opcode: 0x0, payload: new Uint8Array([0x28]) }),
      ],
    ],
    ["a reserved data opcode (0x3)", 1002, () => [frame({ opcode: 0x3, payload: text("x") })]],
    ["a reserved control opcode (0xB)", 1002, () => [frame({ opcode: 0xb })]],
    ["an unmasked client frame", 1002, () => [frame({ opcode: 0x1, payload: text("hi"), mask: false })]],
    ["a fragmented ping (control frames may not be fragmented)", 1002, () => [frame({ opcode: 0x9, fin: false })]],
    [
      "a ping with a 126-byte payload (control frames carry at most 125)",
      1002,
      () => [frame({ opcode: 0x9, payload: new Uint8Array(126) })],
    ],
    ["a continuation frame without a start", 1002, () => [frame({ opcode: 0x0, payload: text("orphan") })]],
    [
      "a new text frame in the middle of a fragmented message",
      1002,
      () => [frame({ opcode: 0x1, fin: false, payload: text("a") }), frame({ opcode: 0x1, payload: text("b") })],
    ],
    ["RSV1 without a negotiated extension", 1002, () => [frame({ opcode: 0x1, rsv: 0b100, payload: text("x") })]],
    ["RSV2", 1002, () => [frame({ opcode: 0x1, rsv: 0b010, payload: text("x") })]],
    ["RSV3 on a control frame", 1002, () => [frame({ opcode: 0x9, rsv: 0b001 })]],
    ["close code 1005 (never sent on the wire)", 1002, () => [frame({ opcode: 0x8, payload: closePayload(1005) })]],
    ["close code 1006", 1002, () => [frame({ opcode: 0x8, payload: closePayload(1006) })]],
    ["close code 999", 1002, () => [frame({ opcode: 0x8, payload: closePayload(999) })]],
    ["close code 2999 (reserved)", 1002, () => [frame({ opcode: 0x8, payload: closePayload(2999) })]],
    ["close code 5000", 1002, () => [frame({ opcode: 0x8, payload: closePayload(5000) })]],
    ["a close frame with a one-byte payload", 1002, () => [frame({ opcode: 0x8, payload: new Uint8Array([3]) })]],
    [
      "a close reason that is not UTF-8",
      1007,
      () => [frame({ opcode: 0x8, payload: closePayload(1000, new Uint8Array([0xc3, 0x28])) })],
    ],
    [
      "a length over maxPayload, announced in the header alone",
      1009,
      () => [frame({ opcode: 0x2, claimedLength: BigInt(MAX_PAYLOAD + 1) })],
    ],
    ["an absurd 64-bit length (2^60)", 1009, () => [frame({ opcode: 0x2, claimedLength: 2n ** 60n })]],
    ["the largest 64-bit length", 1009, () => [frame({ opcode: 0x2, claimedLength: 2n ** 63n - 1n })]],
    [
      "fragments that together pass maxPayload",
      1009,
      () => [
        frame({ opcode: 0x2, fin: false, payload: new Uint8Array(MAX_PAYLOAD / 2) }),
        frame({ opcode: 0x0, fin: false, payload: new Uint8Array(MAX_PAYLOAD / 2) }),
        frame({ opcode: 0x0, payload: new Uint8Array(1) }),
      ],
    ],
  ])("%s: close %d, heard by the application; the room loses nothing", async (_name, code, frames) => {
    const { ending, heard } = await hostile(...frames());
    expect(ending).toEqual({ closeCode: code });
    expect(heard).toBe(code);
  });

  it("after every hostile connection, each member has heard every message of the room", async () => {
    await roomRound();
    expect(sent).toBeGreaterThan(20 * ROOM_SIZE);
    expect(counts).toEqual(Array.from({ length: ROOM_SIZE }, () => sent));
  });
});

describe("hostile handshakes", () => {
  it("an oversized handshake (a 32 KiB header) gets 431 or is dropped, and the room carries on", async () => {
    const port = server().address.port;
    const client = new RawClient(port);
    client.socket.write(handshake("/hostile/?big", port, `X-Filler: ${"a".repeat(32 * 1024)}\r\n`));
    const [status] = await Promise.all([client.status, roomRound()]);
    expect([431, 0]).toContain(status);
    client.socket.destroy();
  });

  it("a request that is not HTTP at all gets 400 or is dropped", async () => {
    const client = new RawClient(server().address.port);
    client.socket.write("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 this is not HTTP\r\n\r\n");
    const [status] = await Promise.all([client.status, roomRound()]);
    expect([400, 0]).toContain(status);
    client.socket.destroy();
  });

  // handshakeTimeoutMs (1 s here, 10 s by default): the server answers 408 and drops the connection.
  it("a handshake that never completes is dropped within a few seconds", async () => {
    const port = server().address.port;
    const client = new RawClient(port);
    client.socket.write(`GET /hostile/?slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`);
    await roomRound();
    const outcome = await Promise.race([
      client.ending,
      new Promise<"still open">((resolve) => setTimeout(() => resolve("still open"), 3_000).unref()),
    ]);
    client.socket.destroy();
    expect(outcome).toEqual({ dropped: true });
    expect(await client.status).toBe(408);
  });
});
