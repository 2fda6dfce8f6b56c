"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const application_1 = require("../src/application");
const layer = (0, test_fixtures_1.useChannelLayer)();
async function join(room) {
    const client = new core_1.WebsocketCommunicator(application_1.application, `/room/${room}/`);
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
        for (const c of [a, b, other])
            await c.disconnect();
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
        for (const c of [a, b])
            await c.disconnect();
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
            const refused = new core_1.WebsocketCommunicator(application_1.application, `/room/${encodeURIComponent(room)}/`);
            expect(await refused.connect()).toMatchObject({ connected: false });
            await refused.disconnect();
        }
    });
    it("has no route for other paths", async () => {
        for (const path of ["/nope/", "/room/a b/", "/room/1/extra/"]) {
            const c = new core_1.WebsocketCommunicator(application_1.application, encodeURI(path));
            await expect(c.connect()).rejects.toBeInstanceOf(core_1.RouteNotFound);
        }
    });
});
//# sourceMappingURL=chat-room.test.js.map