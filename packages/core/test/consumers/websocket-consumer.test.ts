import {
  AcceptConnection,
  ChannelLayerMissing,
  DenyConnection,
  StopConsumer,
  WebsocketCommunicator,
  WebsocketConsumer,
  type Message,
} from "@channels-ts/core";
import { installChannelLayer, useChannelLayer } from "@channels-ts/test-fixtures";

const layer = useChannelLayer();

class EchoConsumer extends WebsocketConsumer {
  override async receive(text?: string, bytes?: Uint8Array): Promise<void> {
    if (text !== undefined) await this.send(`echo:${text}`);
    else if (bytes !== undefined) await this.send(bytes);
  }
}

describe("WebsocketConsumer", () => {
  it("accepts by default and echoes text and binary frames", async () => {
    const c = new WebsocketCommunicator(EchoConsumer.asApp(), "/echo/");
    expect(await c.connect()).toEqual({ connected: true, subprotocol: null, closeCode: null });
    await c.sendTo("hi");
    expect(await c.receiveFrom()).toBe("echo:hi");
    await c.sendTo(new Uint8Array([1, 2, 3]));
    expect(Buffer.from(await c.receiveFrom())).toEqual(Buffer.from([1, 2, 3]));
    await c.disconnect();
  });

  it("accepts a chosen subprotocol with extra headers", async () => {
    class Proto extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept(this.scope.subprotocols[1] ?? null, [["x-extra", "1"]]);
      }
    }
    const c = new WebsocketCommunicator(Proto.asApp(), "/", { subprotocols: ["v1", "v2"] });
    expect(await c.connect()).toMatchObject({ connected: true, subprotocol: "v2" });
    await c.disconnect();
  });

  it("refuses the handshake when connect() closes, with the close code", async () => {
    class Refuse extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.close(4001);
      }
    }
    const c = new WebsocketCommunicator(Refuse.asApp(), "/");
    expect(await c.connect()).toEqual({ connected: false, subprotocol: null, closeCode: 4001 });
    await c.disconnect();
  });

  it("treats DenyConnection and AcceptConnection thrown from connect()", async () => {
    class Deny extends WebsocketConsumer {
      override async connect(): Promise<void> {
        throw new DenyConnection();
      }
    }
    class Accept extends WebsocketConsumer {
      override async connect(): Promise<void> {
        throw new AcceptConnection();
      }
    }
    const denied = new WebsocketCommunicator(Deny.asApp(), "/");
    expect((await denied.connect()).connected).toBe(false);
    await denied.disconnect();
    const accepted = new WebsocketCommunicator(Accept.asApp(), "/");
    expect((await accepted.connect()).connected).toBe(true);
    await accepted.disconnect();
  });

  it("sends then closes with send(data, close)", async () => {
    class Bye extends WebsocketConsumer {
      override async receive(text?: string): Promise<void> {
        await this.send(`bye ${text ?? ""}`, 4002);
      }
    }
    const c = new WebsocketCommunicator(Bye.asApp(), "/");
    await c.connect();
    await c.sendTo("now");
    expect(await c.receiveFrom()).toBe("bye now");
    expect(await c.receiveOutput()).toEqual({ type: "websocket.close", code: 4002 });
    await c.disconnect();
  });

  it("calls disconnect() with the close code, exactly once", async () => {
    const codes: number[] = [];
    class Track extends WebsocketConsumer {
      override async disconnect(code: number): Promise<void> {
        codes.push(code);
      }
    }
    const c = new WebsocketCommunicator(Track.asApp(), "/");
    await c.connect();
    await c.disconnect(4321);
    expect(codes).toEqual([4321]);
  });

  it("joins `groups` on connect, dispatches group messages by type, and leaves on disconnect", async () => {
    class Room extends WebsocketConsumer {
      override groups = ["room"];
      async chat_message(message: Message): Promise<void> {
        await this.send(String(message.text));
      }
    }
    const a = new WebsocketCommunicator(Room.asApp(), "/");
    const b = new WebsocketCommunicator(Room.asApp(), "/");
    await a.connect();
    await b.connect();
    await layer().groupSend("room", { type: "chat.message", text: "hello" });
    expect(await a.receiveFrom()).toBe("hello");
    expect(await b.receiveFrom()).toBe("hello");
    await a.disconnect();
    await layer().groupSend("room", { type: "chat.message", text: "second" });
    expect(await b.receiveFrom()).toBe("second");
    await b.disconnect();
  });

  it("supports the tutorial's low-level handlers with StopConsumer", async () => {
    const events: string[] = [];
    class Tutorial extends WebsocketConsumer {
      override async websocket_connect(): Promise<void> {
        await this.accept();
        await this.channelLayer!.groupAdd("g1", this.channelName!);
      }
      override async websocket_receive(message: Message): Promise<void> {
        await this.channelLayer!.groupSend("g1", { type: "xx_oo", message });
      }
      async xx_oo(event: Message): Promise<void> {
        await this.send(String((event.message as Message).text));
      }
      override async websocket_disconnect(): Promise<void> {
        events.push("disconnect");
        await this.channelLayer!.groupDiscard("g1", this.channelName!);
        throw new StopConsumer();
      }
    }
    const c = new WebsocketCommunicator(Tutorial.asApp(), "/room/g1/");
    await c.connect();
    await c.sendTo("ni hao");
    expect(await c.receiveFrom()).toBe("ni hao");
    await c.disconnect();
    expect(events).toEqual(["disconnect"]);
  });

  it("removes the channel and every membership as soon as the consumer ends, whatever the reason", async () => {
    let name: string | undefined;
    class Crashy extends WebsocketConsumer {
      override groups = ["a", "b"];
      override async connect(): Promise<void> {
        name = this.channelName;
        await this.accept();
      }
      override async receive(): Promise<void> {
        throw new Error("boom");
      }
    }
    const c = new WebsocketCommunicator(Crashy.asApp(), "/");
    await c.connect();
    await c.sendTo("x");
    await expect(c.wait()).rejects.toThrow("boom");
    // The membership is gone now, not after groupExpiry: a send to the channel finds no queue kept.
    await layer().groupSend("a", { type: "chat.message" });
    await layer().groupSend("b", { type: "chat.message" });
    const probe = await layer().newChannel();
    await layer().groupAdd("a", probe);
    await layer().groupSend("a", { type: "only.probe" });
    expect(await layer().receive(probe)).toEqual({ type: "only.probe" });
    expect(name).toMatch(/!/);
  });

  it("a handler error ends only that consumer", async () => {
    class Fragile extends WebsocketConsumer {
      override async receive(text?: string): Promise<void> {
        if (text === "die") throw new Error("bad frame");
        await this.send(`ok:${text ?? ""}`);
      }
    }
    const a = new WebsocketCommunicator(Fragile.asApp(), "/");
    const b = new WebsocketCommunicator(Fragile.asApp(), "/");
    await a.connect();
    await b.connect();
    await a.sendTo("die");
    await expect(a.receiveOutput()).rejects.toThrow("bad frame");
    await b.sendTo("still here");
    expect(await b.receiveFrom()).toBe("ok:still here");
    await b.disconnect();
  });

  it("a message with no handler is a clear error naming its type", async () => {
    class Named extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept();
        await this.groupAdd("nohandler");
      }
    }
    const n = new WebsocketCommunicator(Named.asApp(), "/");
    await n.connect();
    await layer().groupSend("nohandler", { type: "no.such.handler" });
    await expect(n.receiveOutput()).rejects.toThrow(/no\.such\.handler.*no_such_handler\(\)/);
  });

  it("dispatches strictly one message at a time, in arrival order", async () => {
    const log: string[] = [];
    class Slow extends WebsocketConsumer {
      override async receive(text?: string): Promise<void> {
        log.push(`start ${text ?? ""}`);
        await new Promise<void>((resolve) => setImmediate(resolve));
        await new Promise<void>((resolve) => setImmediate(resolve));
        log.push(`end ${text ?? ""}`);
        await this.send(text ?? "");
      }
    }
    const c = new WebsocketCommunicator(Slow.asApp(), "/");
    await c.connect();
    for (const t of ["1", "2", "3"]) await c.sendTo(t);
    for (const t of ["1", "2", "3"]) expect(await c.receiveFrom()).toBe(t);
    expect(log).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
    await c.disconnect();
  });

  it("without a configured layer, groupAdd is a clear error and no channel is made", async () => {
    await using _noLayer = installChannelLayer(undefined);
    class Grouped extends WebsocketConsumer {
      override groups = ["g"];
    }
    const c = new WebsocketCommunicator(Grouped.asApp(), "/");
    await expect(c.connect()).rejects.toThrow(ChannelLayerMissing);
    class Plain extends WebsocketConsumer {
      override async connect(): Promise<void> {
        await this.accept();
        await this.send(String(this.channelName));
      }
    }
    const p = new WebsocketCommunicator(Plain.asApp(), "/");
    await p.connect();
    expect(await p.receiveFrom()).toBe("undefined");
    await p.disconnect();
  });

  it("asApp(init) sets instance fields, like as_asgi(**kwargs)", async () => {
    class Greeter extends WebsocketConsumer {
      greeting = "hello";
      override async connect(): Promise<void> {
        await this.accept();
        await this.send(this.greeting);
      }
    }
    const c = new WebsocketCommunicator(Greeter.asApp({ greeting: "salut" }), "/");
    await c.connect();
    expect(await c.receiveFrom()).toBe("salut");
    await c.disconnect();
  });
});
