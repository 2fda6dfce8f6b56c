import { Demultiplexer, InMemoryChannelLayer, JsonWebsocketConsumer, type StreamErrorLogger } from "@channels-ts/core";
import { deferred, installChannelLayer, startServer, TextClient } from "@channels-ts/test-fixtures";

/** Every stream's disconnect ("stream:code"); `allGone` resolves once `expected` have run. */
let disconnects: string[] = [];
let expected = 0;
let allGone = deferred();

function expectDisconnects(count: number): Promise<void> {
  disconnects = [];
  expected = count;
  allGone = deferred();
  return allGone.promise;
}

class Stream extends JsonWebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    await this.sendJson({ joined: this.groups });
  }

  override async receiveJson(content: unknown): Promise<void> {
    const command = content as { say?: unknown; fail?: boolean; close?: number };
    if (command.fail === true) throw new Error("failed on purpose");
    if (command.close !== undefined) return this.close(command.close, "done");
    await this.sendJson({ [this.scope.stream as string]: command.say });
  }

  room_note(message: { text: string }): Promise<void> {
    return this.sendJson({ note: message.text });
  }

  override async disconnect(code: number): Promise<void> {
    disconnects.push(`${this.scope.stream as string}:${code}`);
    if (disconnects.length === expected) allGone.resolve();
  }
}

class Echo extends Stream {
  override groups = ["echo-room"];
}

class Chat extends Stream {
  override groups = ["chat-room"];
}

const envelope = (stream: string, payload: unknown): string => JSON.stringify({ stream, payload });

async function setUp() {
  const installed = installChannelLayer(new InMemoryChannelLayer());
  const errors: string[] = [];
  const logger: StreamErrorLogger = { error: (message) => void errors.push(message) };
  const server = await startServer(Demultiplexer.asApp({ streams: { echo: Echo, chat: Chat }, logger }));
  const client = await TextClient.open(server.wsUrl("/multi/"));
  // Both streams have joined their groups once their welcome frames are in.
  await client.next(envelope("echo", { joined: ["echo-room"] }));
  await client.next(envelope("chat", { joined: ["chat-room"] }));
  client.received.length = 0;
  return {
    layer: installed.layer,
    client,
    errors,
    async [Symbol.asyncDispose]() {
      await client.close();
      await server[Symbol.asyncDispose]();
      await installed[Symbol.asyncDispose]();
    },
  };
}

describe("a Demultiplexer behind the server", () => {
  it("keeps each stream's frames and group messages to that stream", async () => {
    await using t = await setUp();
    t.client.send(envelope("chat", { say: "hello" }));
    await t.client.next(envelope("chat", { chat: "hello" }));
    await t.layer.groupSend("echo-room", { type: "room.note", text: "for echo" });
    await t.client.next(envelope("echo", { note: "for echo" }));
    t.client.send(envelope("echo", { say: "last" }));
    await t.client.next(envelope("echo", { echo: "last" }));
    expect(t.client.received).toEqual([
      envelope("chat", { chat: "hello" }),
      envelope("echo", { note: "for echo" }),
      envelope("echo", { echo: "last" }),
    ]);
  });

  it("closes a failing stream with 1011 and logs it; the socket and the other stream go on", async () => {
    await using t = await setUp();
    t.client.send(envelope("echo", { fail: true }));
    await t.client.next(JSON.stringify({ stream: "echo", close: { code: 1011, reason: "" } }));
    expect(t.errors).toEqual(['Exception inside stream "echo" of WebSocket /multi/']);
    t.client.send(envelope("echo", { say: "dropped" }));
    t.client.send(envelope("chat", { say: "alive" }));
    await t.client.next(envelope("chat", { chat: "alive" }));
    expect(t.client.received).toHaveLength(2);
    expect(t.client.isOpen).toBe(true);
  });

  it("answers an unknown stream with 4404 and a bad envelope with an error frame", async () => {
    await using t = await setUp();
    t.client.send(envelope("nope", 1));
    await t.client.next(JSON.stringify({ stream: "nope", close: { code: 4404, reason: "unknown stream" } }));
    t.client.send("not json");
    await t.client.next(/^\{"error":\{"code":"bad_envelope","message":"frame is not valid JSON/);
    expect(t.client.isOpen).toBe(true);
  });

  it("runs each stream's disconnect once when the client closes, and leaves no group behind", async () => {
    await using t = await setUp();
    const gone = expectDisconnects(2);
    expect(t.layer.stats().groups).toBe(2);
    await t.client.close();
    await gone;
    expect(disconnects.sort()).toEqual(["chat:1000", "echo:1000"]);
    await t.layer.groupSend("chat-room", { type: "room.note", text: "nobody" });
    expect(t.layer.stats()).toMatchObject({ groups: 0 });
  });

  it("closes the socket with the last stream's code once every stream has closed", async () => {
    await using t = await setUp();
    const gone = expectDisconnects(2);
    t.client.send(envelope("echo", { close: 4000 }));
    await t.client.next(JSON.stringify({ stream: "echo", close: { code: 4000, reason: "done" } }));
    expect(t.client.isOpen).toBe(true);
    t.client.send(envelope("chat", { close: 4001 }));
    expect(await t.client.closed).toBe(4001);
    await gone;
    expect(disconnects).toEqual(["echo:4000", "chat:4001"]);
  });
});
