import { RouteNotFound, WebsocketCommunicator } from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";
import { application } from "../src/application";

const layer = useChannelLayer();

async function join(room: string): Promise<WebsocketCommunicator> {
  const client = new WebsocketCommunicator(application, `/room/${room}/`);
  const { connected } = await client.connect();
  expect(connected).toBe(true);
  return client;
}

describe("chat rooms", () => {
  it("whatever one client in a room sends, every client in that room receives, and no one else", async () => {
    const [a, b, other] = [await join("1"), await join("1"), await join("2")];
    await a.sendTo("hello room 1");
    expect(await a.receiveFrom()).toBe("hello room 1");
    expect(await b.receiveFrom()).toBe("hello room 1");
    expect(await other.receiveNothing(50)).toBe(true);
    await other.sendTo("room 2 only");
    expect(await other.receiveFrom()).toBe("room 2 only");
    expect(await a.receiveNothing(50)).toBe(true);
    for (const c of [a, b, other]) await c.disconnect();
  });

  it("joins the room before it accepts: a client that sends as soon as it is open gets its own message", async () => {
    // groupAdd held until released, as a slow Redis would: the handshake must wait for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let called!: () => void;
    const reached = new Promise<void>((resolve) => (called = resolve));
    const original = layer().groupAdd.bind(layer());
    jest.spyOn(layer(), "groupAdd").mockImplementationOnce(async (group, channel) => {
      called();
      await held;
      return original(group, channel);
    });
    const client = new WebsocketCommunicator(application, "/room/early/");
    let opened = false;
    const connecting = client.connect().then((result) => {
      opened = true;
      return result;
    });
    await reached;
    await new Promise<void>((resolve) => setImmediate(resolve)); // let an early accept through, if there were one
    expect(opened).toBe(false);
    release();
    expect(await connecting).toMatchObject({ connected: true });
    await client.sendTo("first words");
    expect(await client.receiveFrom()).toBe("first words");
    await client.disconnect();
  });

  it("keeps the tutorial's group message shape on the layer", async () => {
    const a = await join("shape");
    const spy = await layer().newChannel();
    await layer().groupAdd("shape", spy);
    await a.sendTo("hi");
    expect(await layer().receive(spy)).toEqual({ type: "xx_oo", message: { type: "websocket.receive", text: "hi" } });
    await a.disconnect();
  });

  it("relays a binary frame instead of failing the room", async () => {
    const [a, b] = [await join("bin"), await join("bin")];
    await a.sendTo(new Uint8Array([0xde, 0xad]));
    expect(Buffer.from(await b.receiveFrom())).toEqual(Buffer.from([0xde, 0xad]));
    expect(Buffer.from(await a.receiveFrom())).toEqual(Buffer.from([0xde, 0xad]));
    await b.sendTo("still alive");
    expect(await a.receiveFrom()).toBe("still alive");
    for (const c of [a, b]) await c.disconnect();
  });

  it("a client that leaves no longer receives, and the others carry on", async () => {
    const [a, b] = [await join("leave"), await join("leave")];
    await a.disconnect();
    await b.sendTo("after a left");
    expect(await b.receiveFrom()).toBe("after a left");
    await b.disconnect();
  });

  it("refuses at the handshake a room name the layer cannot take (too long, non-ASCII)", async () => {
    // The route's \w matches Unicode letters as Python's does; the layer takes only ASCII names.
    for (const room of ["x".repeat(120), "中文"]) {
      const refused = new WebsocketCommunicator(application, `/room/${encodeURIComponent(room)}/`);
      expect(await refused.connect()).toMatchObject({ connected: false });
      await refused.disconnect();
    }
  });

  it("has no route for other paths", async () => {
    for (const path of ["/nope/", "/room/a b/", "/room/1/extra/"]) {
      const c = new WebsocketCommunicator(application, encodeURI(path));
      await expect(c.connect()).rejects.toBeInstanceOf(RouteNotFound);
    }
  });
});
