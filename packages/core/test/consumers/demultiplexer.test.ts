import {
  Demultiplexer,
  drops,
  type DropEvent,
  InvalidStreams,
  JsonWebsocketConsumer,
  WebsocketCommunicator,
  type InMemoryChannelLayer,
  type StreamErrorLogger,
  type StreamMap,
} from "@channels-ts/core";
import { deferred, useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

/** Every stream's disconnect, as "stream:code", in the order they ran. */
let disconnects: string[] = [];
/** Released by a test to let a blocked `wait` handler go on. */
let gate = deferred();
let entered = deferred();

beforeEach(() => {
  disconnects = [];
  gate = deferred();
  entered = deferred();
});

type Command = { say?: unknown; fail?: boolean; close?: number; wait?: boolean; whoami?: boolean };

class Stream extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    const command = content as Command;
    if (command.fail === true) throw new Error(`${this.stream} failed on purpose`);
    if (command.wait === true) {
      entered.resolve();
      await gate.promise;
    }
    if (command.close !== undefined) return this.close(command.close, "bye");
    if (command.whoami === true) await this.sendJson({ stream: this.stream, channel: this.channelName });
    if ("say" in command) await this.sendJson({ [this.stream]: command.say });
  }

  get stream(): string {
    return this.scope.stream as string;
  }

  room_note(message: { text: string }): Promise<void> {
    return this.sendJson({ note: message.text, heard: this.stream });
  }

  override async disconnect(code: number): Promise<void> {
    disconnects.push(`${this.stream}:${code}`);
  }
}

class Echo extends Stream {
  override groups = ["echo-room"];
}

class Chat extends Stream {
  override groups = ["chat-room"];
}

class Refuses extends JsonWebsocketConsumer {
  override async connect(): Promise<void> {
    await this.close();
  }
}

function recordingLogger(): StreamErrorLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (message) => void lines.push(message) };
}

async function open(streams: StreamMap = { echo: Echo, chat: Chat }, init: Partial<Demultiplexer> = {}) {
  const logger = recordingLogger();
  const ws = new WebsocketCommunicator(Demultiplexer.asApp({ streams, logger, ...init }), "/multi/");
  expect((await ws.connect()).connected).toBe(true);
  return { ws, logger };
}

describe("Demultiplexer", () => {
  it("routes each envelope to its stream's consumer and wraps what each sends", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "echo", payload: { say: [1, "two"] } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: [1, "two"] } });
    await ws.sendJsonTo({ stream: "chat", payload: { say: null } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", payload: { chat: null } });
    expect(await ws.receiveNothing()).toBe(true);
    await ws.disconnect();
  });

  it("gives each stream its own scope copy and channel", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "echo", payload: { whoami: true } });
    const echo = (await ws.receiveJsonFrom()) as { payload: { stream: string; channel: string } };
    await ws.sendJsonTo({ stream: "chat", payload: { whoami: true } });
    const chat = (await ws.receiveJsonFrom()) as { payload: { stream: string; channel: string } };
    expect([echo.payload.stream, chat.payload.stream]).toEqual(["echo", "chat"]);
    expect(echo.payload.channel).not.toBe(chat.payload.channel);
    expect(ws.scope.stream).toBeUndefined();

    await layer().send(chat.payload.channel, { type: "room.note", text: "to chat's channel" });
    expect(await ws.receiveJsonFrom()).toEqual({
      stream: "chat",
      payload: { note: "to chat's channel", heard: "chat" },
    });
    expect(await ws.receiveNothing()).toBe(true);
    await ws.disconnect();
  });

  it("delivers a group message to the stream that joined the group only", async () => {
    const { ws } = await open();
    await layer().groupSend("chat-room", { type: "room.note", text: "hi chat" });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", payload: { note: "hi chat", heard: "chat" } });
    await layer().groupSend("echo-room", { type: "room.note", text: "hi echo" });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { note: "hi echo", heard: "echo" } });
    expect(await ws.receiveNothing()).toBe(true);
    await ws.disconnect();
  });

  it("closes a stream whose handler throws with 1011, logs it, and keeps the socket and the other streams", async () => {
    const { ws, logger } = await open();
    await ws.sendJsonTo({ stream: "chat", payload: { fail: true } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", close: { code: 1011, reason: "" } });
    expect(logger.lines).toEqual(['Exception inside stream "chat" of WebSocket /multi/']);
    // The failed stream's frames are dropped; its channel and group are gone.
    await ws.sendJsonTo({ stream: "chat", payload: { say: "anyone?" } });
    await layer().groupSend("chat-room", { type: "room.note", text: "lost" });
    await ws.sendJsonTo({ stream: "echo", payload: { say: "still here" } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: "still here" } });
    expect(await ws.receiveNothing()).toBe(true);
    await ws.disconnect();
    // A consumer that failed has no disconnect to run.
    expect(disconnects).toEqual(["echo:1000"]);
  });

  it("closes only the stream that calls close(), runs its disconnect once, and drops its later frames", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "echo", payload: { close: 4000 } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", close: { code: 4000, reason: "bye" } });
    const dropped: DropEvent[] = [];
    const unsubscribe = drops.onDrop((event) => void dropped.push(event));
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await ws.sendJsonTo({ stream: "echo", payload: { say: "dropped" } });
      await ws.sendJsonTo({ stream: "chat", payload: { say: "kept" } });
      expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", payload: { chat: "kept" } });
    } finally {
      unsubscribe();
      warn.mockRestore();
    }
    expect(dropped).toEqual([
      {
        origin: "consumer",
        reason: "no handler",
        count: 1,
        detail: 'a frame for stream "echo", which has closed',
      },
    ]);
    expect(disconnects).toEqual(["echo:4000"]);
    await ws.disconnect(1001);
    expect(disconnects).toEqual(["echo:4000", "chat:1001"]);
  });

  it("gives a stream that closes none of the frames it had not read yet", async () => {
    const { ws, logger } = await open();
    await ws.sendJsonTo({ stream: "chat", payload: { wait: true, close: 4000 } });
    await entered.promise;
    // Were it handled, this would throw and be logged.
    await ws.sendJsonTo({ stream: "chat", payload: { fail: true } });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      gate.resolve();
      expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", close: { code: 4000, reason: "bye" } });
      expect(await ws.receiveNothing()).toBe(true);
    } finally {
      warn.mockRestore();
    }
    expect(disconnects).toEqual(["chat:4000"]);
    await ws.disconnect();
    expect(logger.lines).toEqual([]);
  });

  it("answers a frame for an unknown stream with a 4404 close frame for that name", async () => {
    const { ws } = await open();
    for (const stream of ["nope", "__proto__", "constructor"]) {
      await ws.sendJsonTo({ stream, payload: 1 });
      expect(await ws.receiveJsonFrom()).toEqual({ stream, close: { code: 4404, reason: "unknown stream" } });
    }
    await ws.sendJsonTo({ stream: "echo", payload: { say: 1 } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: 1 } });
    await ws.disconnect();
  });

  it.each([
    ["text that is not JSON", "{oops", "not valid JSON"],
    ["a JSON array", "[1]", "not a JSON object"],
    ["no stream", '{"payload": 1}', '"stream" must be a non-empty string, got nothing'],
    ["a number as stream", '{"stream": 7, "payload": 1}', '"stream" must be a non-empty string, got 7 (number)'],
    ["an empty stream", '{"stream": "", "payload": 1}', "got an empty string"],
    ["no payload", '{"stream": "echo"}', 'envelope for stream "echo" has no "payload" key'],
    ["a binary frame", new Uint8Array([1, 2]), "binary frame"],
  ])("answers %s with a bad_envelope error frame and goes on", async (_what, frame, message) => {
    const { ws } = await open();
    await ws.sendTo(frame);
    expect(await ws.receiveJsonFrom()).toEqual({
      error: { code: "bad_envelope", message: expect.stringContaining(message) as string },
    });
    await ws.sendJsonTo({ stream: "echo", payload: { say: "ok" } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: "ok" } });
    await ws.disconnect();
  });

  it("runs every open stream's disconnect exactly once when the socket closes, and leaves no channel or group", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "chat", payload: { say: "x" } });
    await ws.receiveJsonFrom();
    expect(layer().stats().groups).toBe(2);
    await ws.disconnect(1001);
    expect(disconnects.sort()).toEqual(["chat:1001", "echo:1001"]);
    expect((layer() as InMemoryChannelLayer).stats()).toMatchObject({ channels: 0, groups: 0 });
  });

  it("closes the socket once every stream has closed, with the last stream's code", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "echo", payload: { close: 4001 } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", close: { code: 4001, reason: "bye" } });
    await ws.sendJsonTo({ stream: "chat", payload: { close: 4002 } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", close: { code: 4002, reason: "bye" } });
    expect(await ws.receiveOutput()).toEqual({ type: "websocket.close", code: 4002, reason: "bye" });
    await ws.disconnect(4002);
    expect(disconnects).toEqual(["echo:4001", "chat:4002"]);
  });

  it("closes a stream whose connect refuses with 4403, and connects the others", async () => {
    const { ws } = await open({ echo: Echo, locked: Refuses });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "locked", close: { code: 4403, reason: "stream refused" } });
    await ws.sendJsonTo({ stream: "locked", payload: {} });
    await ws.sendJsonTo({ stream: "echo", payload: { say: "open" } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: "open" } });
    await ws.disconnect();
  });

  it("runs each stream one message at a time, in order, without a slow stream holding the others", async () => {
    const { ws } = await open();
    await ws.sendJsonTo({ stream: "chat", payload: { wait: true, say: 1 } });
    await ws.sendJsonTo({ stream: "chat", payload: { say: 2 } });
    await entered.promise;
    await ws.sendJsonTo({ stream: "echo", payload: { say: "not held" } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: "not held" } });
    expect(await ws.receiveNothing()).toBe(true);
    gate.resolve();
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", payload: { chat: 1 } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "chat", payload: { chat: 2 } });
    await ws.disconnect();
  });

  it("stops reading the socket while one stream holds maxPendingFrames unread frames", async () => {
    const { ws } = await open(undefined, { maxPendingFrames: 2 });
    await ws.sendJsonTo({ stream: "chat", payload: { wait: true, say: 1 } });
    await entered.promise;
    await ws.sendJsonTo({ stream: "chat", payload: { say: 2 } });
    await ws.sendJsonTo({ stream: "chat", payload: { say: 3 } });
    await ws.sendJsonTo({ stream: "echo", payload: { say: "after chat makes room" } });
    expect(await ws.receiveNothing()).toBe(true);
    gate.resolve();
    const frames = [];
    for (let i = 0; i < 4; i++) frames.push(await ws.receiveJsonFrom());
    expect(frames.filter((f) => (f as { stream: string }).stream === "chat")).toEqual([
      { stream: "chat", payload: { chat: 1 } },
      { stream: "chat", payload: { chat: 2 } },
      { stream: "chat", payload: { chat: 3 } },
    ]);
    expect(frames).toContainEqual({ stream: "echo", payload: { echo: "after chat makes room" } });
    await ws.disconnect();
  });

  it("lets a subclass declare its streams and refuse the socket in connect()", async () => {
    class Streams extends Demultiplexer {
      override streams = { echo: Echo };
      override async connect(): Promise<void> {
        if (this.scope.path === "/closed/") await this.close();
        else await this.accept();
      }
    }
    const refused = new WebsocketCommunicator(Streams.asApp(), "/closed/");
    expect(await refused.connect()).toMatchObject({ connected: false });
    await refused.disconnect(1006);
    expect(disconnects).toEqual([]);

    const ws = new WebsocketCommunicator(Streams.asApp(), "/");
    await ws.connect();
    await ws.sendJsonTo({ stream: "echo", payload: { say: "sub" } });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: "sub" } });
    await ws.disconnect();
    expect(disconnects).toEqual(["echo:1000"]);
  });

  it("takes a plain application as a stream", async () => {
    const { ws } = await open({
      raw: async (_scope, receive, send) => {
        await receive();
        await send({ type: "websocket.accept" });
        const frame = await receive();
        if (frame.type === "websocket.receive") await send({ type: "websocket.send", text: `{"raw":${frame.text}}` });
        await send({ type: "websocket.send", bytes: new Uint8Array([1]) });
      },
    });
    await ws.sendJsonTo({ stream: "raw", payload: [true] });
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "raw", payload: { raw: [true] } });
    // A binary frame cannot go in an envelope: the stream fails, not the socket.
    expect(await ws.receiveJsonFrom()).toEqual({ stream: "raw", close: { code: 1011, reason: "" } });
    expect(await ws.receiveOutput()).toEqual({ type: "websocket.close", code: 1011, reason: "" });
    await ws.disconnect(1011);
  });

  it.each([
    ["an empty stream map", {}],
    ["a stream that is no class or application", { streams: { echo: {} } as never }],
    ['a "" stream', { streams: { "": Echo } }],
    ["maxPendingFrames 0", { streams: { echo: Echo }, maxPendingFrames: 0 }],
  ])("refuses %s with InvalidStreams", async (_what, init: Partial<Demultiplexer>) => {
    const ws = new WebsocketCommunicator(Demultiplexer.asApp(init), "/");
    await expect(ws.connect()).rejects.toMatchObject({ code: "INVALID_STREAMS", constructor: InvalidStreams });
  });
});
