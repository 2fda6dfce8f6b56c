import { ChannelsClient, ReplyError } from "@channels-ts/client";
import {
  closeGroup,
  Demultiplexer,
  getChannelLayer,
  ReplyingJsonWebsocketConsumer,
  RequestFailed,
  URLRouter,
  path,
  type PresenceDiffMessage,
  type PresenceStateMessage,
} from "@channels-ts/core";
import { startServer, useChannelLayer } from "@channels-ts/test-fixtures";
import WebSocket from "ws";

// The client against the server's own replies, demultiplexer and presence (not a contract stand-in):
// what each side wrote to the contract must meet.

class Counter extends ReplyingJsonWebsocketConsumer {
  private count = 0;
  async request_count_add({ by }: { by: number }): Promise<{ count: number }> {
    if (typeof by !== "number") throw new RequestFailed("bad_by", "by must be a number");
    this.count += by;
    return { count: this.count };
  }
}

class Room extends ReplyingJsonWebsocketConsumer {
  override groups = ["room"];
  override async connect(): Promise<void> {
    await this.accept();
    const name = new URLSearchParams(this.scope.query_string).get("name") ?? "?";
    await this.presence.track("room", name, { name }, { state: true });
  }
  override presence_state(message: PresenceStateMessage): Promise<void> {
    return this.sendJson(message);
  }
  override presence_diff(message: PresenceDiffMessage): Promise<void> {
    return this.sendJson(message);
  }
}

class Broken extends ReplyingJsonWebsocketConsumer {
  override async receiveJson(): Promise<void> {
    throw new Error("this stream fails");
  }
}

const application = URLRouter([
  path(
    "ws/",
    Demultiplexer.asApp({
      streams: { counter: Counter, room: Room, broken: Broken },
      logger: { error: () => undefined },
    }),
  ),
]);

describe("@channels-ts/client with the server's replies, streams and presence", () => {
  useChannelLayer({ per: "each" });
  const clients: ChannelsClient[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  const open = (port: number, name: string): ChannelsClient => {
    const client = new ChannelsClient(`ws://127.0.0.1:${port}/ws/?name=${name}`, { WebSocket });
    clients.push(client);
    return client;
  };

  it("a request on a stream settles with the handler's reply, or its RequestFailed code; unknown types get unknown_request", async () => {
    await using server = await startServer(application);
    const counter = open(server.address.port, "a").stream("counter");
    await expect(counter.request("count.add", { by: 2 })).resolves.toEqual({ count: 2 });
    await expect(counter.request("count.add", { by: 3 })).resolves.toEqual({ count: 5 });
    await expect(counter.request("count.add", { by: "x" })).rejects.toMatchObject({ code: "bad_by" });
    const unknown = counter.request("count.reset", {});
    await expect(unknown).rejects.toBeInstanceOf(ReplyError);
    await expect(unknown).rejects.toMatchObject({ code: "unknown_request" });
  });

  it("presence on a stream: each client's list holds both, and loses one that leaves", async () => {
    await using server = await startServer(application);
    const [a, b] = [open(server.address.port, "ann"), open(server.address.port, "bob")];
    const annSees = a.stream("room").presence("room");
    b.stream("room");
    const shows = (names: string[]) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (JSON.stringify(annSees.list((key) => key).sort()) === JSON.stringify(names)) resolve();
        };
        annSees.onSync(check);
        check();
      });
    await shows(["ann", "bob"]);
    b.close();
    await shows(["ann"]);
  });

  it("a stream whose handler throws is closed alone (1011): the client's stream says so, the others carry on", async () => {
    await using server = await startServer(application);
    const client = open(server.address.port, "c");
    const broken = client.stream("broken");
    const closed = broken.once("closed");
    broken.sendJson({ anything: true });
    expect(await closed).toMatchObject({ code: 1011 });
    await expect(client.stream("counter").request("count.add", { by: 1 })).resolves.toEqual({ count: 1 });
  });

  it("closeGroup from anywhere closes the socket with its code, and the client does not reconnect after 1000", async () => {
    await using server = await startServer(URLRouter([path("ws/", class extends Room {}.asApp())]));
    const client = open(server.address.port, "d");
    await client.once("open");
    await expect(client.request("nothing", {})).rejects.toMatchObject({ code: "unknown_request" });
    const closed = client.once("close");
    await closeGroup(getChannelLayer("default")!, "room", { code: 1000, reason: "room closed" });
    expect(await closed).toMatchObject({ code: 1000, reason: "room closed", willReconnect: false });
  });
});
