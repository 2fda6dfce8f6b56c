"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const ws_1 = __importDefault(require("ws"));
const application_1 = require("../src/application");
// The server is declared first so that it closes (its clients cut) before the layer is restored.
const server = (0, test_fixtures_1.useServer)(application_1.application);
(0, test_fixtures_1.useChannelLayer)({ per: "all" });
function next(ws) {
    return new Promise((resolve) => ws.once("message", (data, binary) => resolve({ data: data, binary })));
}
async function status(path) {
    return (await (0, test_fixtures_1.fetchText)(`${server().url}${path}`)).status;
}
describe("the chat over real sockets", () => {
    it("relays text and binary frames to every member of the room; the room survives a binary frame", async () => {
        const [a, b] = [await server().openWs("/room/net/"), await server().openWs("/room/net/")];
        const gotA = next(a);
        const gotB = next(b);
        a.send(Buffer.from([1, 2, 3]));
        for (const got of [await gotA, await gotB]) {
            expect(got.binary).toBe(true);
            expect([...got.data]).toEqual([1, 2, 3]);
        }
        const text = next(a);
        b.send("still here");
        expect((await text).data.toString()).toBe("still here");
        expect(a.readyState).toBe(ws_1.default.OPEN);
    });
    it("answers 404 for unknown paths, over HTTP and for a handshake", async () => {
        expect(await status("/nope")).toBe(404);
        expect(await status("/?num=1")).toBe(200);
        expect(await server().refusal("/nope/")).toBe(404);
    });
    it("refuses at the handshake a room name the layer cannot take", async () => {
        expect(await server().refusal(`/room/${encodeURIComponent("中文")}/`)).toBe(403);
        expect(await server().refusal(`/room/${"x".repeat(150)}/`)).toBe(403);
    });
});
//# sourceMappingURL=chat-over-network.test.js.map