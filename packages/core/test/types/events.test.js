"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The ASGI events are typed: `npm run typecheck` compiles this file, so every `@ts-expect-error`
 * line below must be an error (else the typecheck fails), and the rest must compile. Jest then
 * runs the well-typed applications, so the shapes the types accept are the ones that work.
 */
const core_1 = require("@channels-ts/core");
/** An echo written against the events alone: each `case` narrows the event to its own keys. */
const echo = async (_scope, receive, send) => {
    for (;;) {
        const event = await receive();
        switch (event.type) {
            case "websocket.connect":
                await send({ type: "websocket.accept", subprotocol: null });
                break;
            case "websocket.receive":
                if (typeof event.text === "string")
                    await send({ type: "websocket.send", text: `echo:${event.text}` });
                else
                    await send({ type: "websocket.send", bytes: event.bytes });
                break;
            case "websocket.disconnect":
                return;
        }
    }
};
const hello = async (_scope, receive, send) => {
    const request = await receive();
    if (request.type !== "http.request")
        return;
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
    await send({ type: "http.response.body", body: Buffer.concat([Buffer.from("hello "), request.body]) });
};
// Never called: each line is checked by the compiler only.
async function wrongShapes(send, event) {
    // @ts-expect-error -- "txt" is not a key of websocket.send (text or bytes)
    await send({ type: "websocket.send", txt: "x" });
    // @ts-expect-error -- http.response.start needs a status
    await send({ type: "http.response.start" });
    // @ts-expect-error -- exactly one of text and bytes
    await send({ type: "websocket.send", text: "a", bytes: new Uint8Array([1]) });
    // @ts-expect-error -- a close code is a number
    await send({ type: "websocket.close", code: "1000" });
    // @ts-expect-error -- no such event
    await send({ type: "websocket.sned", text: "x" });
    // @ts-expect-error -- a body is bytes
    await send({ type: "http.response.body", body: 42 });
    // @ts-expect-error -- `text` is only certain once the event is narrowed to websocket.receive
    const text = event.text;
    // @ts-expect-error -- a WebSocket application never receives http.request
    if (event.type === "http.request")
        return;
    void text;
}
// A router entry is typed by its slot: the `websocket` entry receives WebSocket events only.
const routed = (0, core_1.ProtocolTypeRouter)({
    websocket: async (_scope, receive, send) => {
        const event = await receive();
        // @ts-expect-error -- not a WebSocket event
        if (event.type === "http.request")
            return;
        if (event.type === "websocket.connect")
            await send({ type: "websocket.close", code: 4000 });
    },
});
class Typed extends core_1.WebsocketConsumer {
    async websocket_receive(event) {
        // Narrowed by the check: `bytes` is a Uint8Array here, no cast needed.
        await this.send(typeof event.text === "string" ? event.text.toUpperCase() : event.bytes);
    }
}
// The scope type picks the events: a scope the server does not speak receives any message.
const wsEvent = { type: "websocket.disconnect", code: 1000 };
const workerMessage = { type: "thumbnail.make", n: 1 };
// @ts-expect-error -- websocket.disconnect carries its code
const noCode = { type: "websocket.disconnect" };
describe("typed ASGI events", () => {
    it("an application written against the WebSocket events works as typed", async () => {
        expect(typeof wrongShapes).toBe("function");
        expect([wsEvent.type, workerMessage.type, noCode.type]).toEqual([
            "websocket.disconnect",
            "thumbnail.make",
            "websocket.disconnect",
        ]);
        const c = new core_1.WebsocketCommunicator(echo, "/");
        expect(await c.connect()).toEqual({ connected: true, subprotocol: null, closeCode: null });
        await c.sendTo("hi");
        expect(await c.receiveFrom()).toBe("echo:hi");
        await c.sendTo(new Uint8Array([1, 2]));
        expect(await c.receiveFrom()).toEqual(new Uint8Array([1, 2]));
        await c.disconnect();
    });
    it("an HTTP application, a router entry and a consumer take their typed events", async () => {
        const response = await new core_1.HttpCommunicator(hello, "POST", "/", "world").getResponse();
        expect(response.status).toBe(200);
        expect(response.body.toString()).toBe("hello world");
        expect(await new core_1.WebsocketCommunicator(routed, "/").connect()).toMatchObject({ connected: false, closeCode: 4000 });
        const c = new core_1.WebsocketCommunicator(Typed.asApp({ channelLayerAlias: "" }), "/");
        await c.connect();
        await c.sendTo("loud");
        expect(await c.receiveFrom()).toBe("LOUD");
        await c.disconnect();
    });
});
//# sourceMappingURL=events.test.js.map