"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
(0, test_fixtures_1.useChannelLayer)();
class JsonEcho extends core_1.JsonWebsocketConsumer {
    async receiveJson(content) {
        await this.sendJson({ got: content });
    }
}
describe("JsonWebsocketConsumer", () => {
    it("decodes text frames for receiveJson and encodes with sendJson", async () => {
        const c = new core_1.WebsocketCommunicator(JsonEcho.asApp(), "/");
        await c.connect();
        await c.sendJsonTo({ hello: ["world", 1] });
        expect(await c.receiveJsonFrom()).toEqual({ got: { hello: ["world", 1] } });
        await c.disconnect();
    });
    it("closes with 1007 on text that is not JSON, without failing the application", async () => {
        const c = new core_1.WebsocketCommunicator(JsonEcho.asApp(), "/");
        await c.connect();
        await c.sendTo("{not json");
        expect(await c.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1007 });
        await c.disconnect(1007);
    });
    it("closes with 1003 on a binary frame", async () => {
        const c = new core_1.WebsocketCommunicator(JsonEcho.asApp(), "/");
        await c.connect();
        await c.sendTo(new Uint8Array([0xff]));
        expect(await c.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1003 });
        await c.disconnect(1003);
    });
    it("lets subclasses override the codec and the invalid-JSON policy", async () => {
        class Custom extends JsonEcho {
            decodeJson(text) {
                return { wrapped: JSON.parse(text) };
            }
            encodeJson(content) {
                return `>${JSON.stringify(content)}`;
            }
            async onInvalidJson(text) {
                await this.send(`bad:${text}`);
            }
        }
        const c = new core_1.WebsocketCommunicator(Custom.asApp(), "/");
        await c.connect();
        await c.sendTo("1");
        expect(await c.receiveFrom()).toBe('>{"got":{"wrapped":1}}');
        await c.sendTo("nope");
        expect(await c.receiveFrom()).toBe("bad:nope");
        await c.disconnect();
    });
});
//# sourceMappingURL=json-websocket-consumer.test.js.map