import { JsonWebsocketConsumer, WebsocketCommunicator } from "@channels-ts/core";
import { useChannelLayer } from "@channels-ts/test-fixtures";

useChannelLayer();

class JsonEcho extends JsonWebsocketConsumer {
  override async receiveJson(content: unknown): Promise<void> {
    await this.sendJson({ got: content });
  }
}

describe("JsonWebsocketConsumer", () => {
  it("decodes text frames for receiveJson and encodes with sendJson", async () => {
    const c = new WebsocketCommunicator(JsonEcho.asApp(), "/");
    await c.connect();
    await c.sendJsonTo({ hello: ["world", 1] });
    expect(await c.receiveJsonFrom()).toEqual({ got: { hello: ["world", 1] } });
    await c.disconnect();
  });

  it("closes with 1007 on text that is not JSON, without failing the application", async () => {
    const c = new WebsocketCommunicator(JsonEcho.asApp(), "/");
    await c.connect();
    await c.sendTo("{not json");
    expect(await c.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1007 });
    await c.disconnect(1007);
  });

  it("closes with 1003 on a binary frame", async () => {
    const c = new WebsocketCommunicator(JsonEcho.asApp(), "/");
    await c.connect();
    await c.sendTo(new Uint8Array([0xff]));
    expect(await c.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1003 });
    await c.disconnect(1003);
  });

  it("lets subclasses override the codec and the invalid-JSON policy", async () => {
    class Custom extends JsonEcho {
      override decodeJson(text: string): unknown {
        return { wrapped: JSON.parse(text) as unknown };
      }
      override encodeJson(content: unknown): string {
        return `>${JSON.stringify(content)}`;
      }
      override async onInvalidJson(text: string): Promise<void> {
        await this.send(`bad:${text}`);
      }
    }
    const c = new WebsocketCommunicator(Custom.asApp(), "/");
    await c.connect();
    await c.sendTo("1");
    expect(await c.receiveFrom()).toBe('>{"got":{"wrapped":1}}');
    await c.sendTo("nope");
    expect(await c.receiveFrom()).toBe("bad:nope");
    await c.disconnect();
  });
});
