"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const layer = (0, test_fixtures_1.useChannelLayer)();
describe("test communicators", () => {
    it("build a websocket scope from the path, query string, headers and subprotocols", async () => {
        let seen = {};
        const app = async (scope, receive, send) => {
            seen = scope;
            await receive();
            await send({ type: "websocket.close" });
        };
        const c = new core_1.WebsocketCommunicator(app, "/a%20b/?x=1&y=2", {
            headers: [["origin", "http://h"]],
            subprotocols: ["p"],
        });
        expect(await c.connect()).toEqual({ connected: false, subprotocol: null, closeCode: 1000 });
        expect(seen).toMatchObject({
            type: "websocket",
            path: "/a b/",
            query_string: "x=1&y=2",
            headers: [["origin", "http://h"]],
            subprotocols: ["p"],
        });
    });
    it("receiveFrom times out with a clear error and stops the consumer cleanly", async () => {
        let channel;
        let ended = false;
        class Quiet extends core_1.WebsocketConsumer {
            groups = ["quiet"];
            async connect() {
                channel = this.channelName;
                await this.accept();
            }
        }
        const app = async (scope, receive, send) => {
            try {
                await Quiet.asApp()(scope, receive, send);
            }
            finally {
                ended = true;
            }
        };
        const c = new core_1.WebsocketCommunicator(app, "/");
        await c.connect();
        const error = await c.receiveFrom(50).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.CommunicatorTimeout);
        expect(error.message).toBe("Timed out after 50 ms waiting for the application to send a message.");
        expect(ended).toBe(true);
        // Its channel was discarded: a receive on it is refused or finds nothing left for it.
        expect(channel).toBeDefined();
        await layer().groupSend("quiet", { type: "x" });
    });
    it("receiveNothing is true when nothing is sent and false when something is", async () => {
        class Pinger extends core_1.AsyncConsumer {
            async ping(message) {
                await this.send({ type: "websocket.send", text: `pong ${String(message.n)}` });
            }
        }
        const c = new core_1.ApplicationCommunicator(Pinger.asApp({ channelLayerAlias: "" }), { type: "custom" });
        expect(await c.receiveNothing(20)).toBe(true);
        await c.sendInput({ type: "ping", n: 1 });
        expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "pong 1" });
        await c.sendInput({ type: "ping", n: 2 });
        // Wait for the reply to be there before asking, so the answer cannot depend on timing.
        expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "pong 2" });
        await c.sendInput({ type: "ping", n: 3 });
        // Returns as soon as the reply arrives, without consuming it.
        expect(await c.receiveNothing(5000)).toBe(false);
        expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "pong 3" });
        await c.stop();
    });
    it("rethrows the application's own error", async () => {
        const app = async () => {
            throw new TypeError("application exploded");
        };
        const c = new core_1.ApplicationCommunicator(app, { type: "custom" });
        await expect(c.receiveOutput()).rejects.toThrow("application exploded");
        await expect(c.wait()).rejects.toThrow(TypeError);
    });
    it("wait() times out with a clear error when the application never finishes", async () => {
        const app = async (_scope, receive) => {
            for (;;)
                await receive();
        };
        const c = new core_1.ApplicationCommunicator(app, { type: "custom" });
        await expect(c.wait(30)).rejects.toThrow("Timed out after 30 ms waiting for the application to finish.");
        expect(c.done).toBe(true);
    });
});
describe("communicator paths", () => {
    it("tolerate a malformed percent escape, as the server does", async () => {
        let path = "";
        const app = async (scope, receive, send) => {
            path = String(scope.path);
            await receive();
            await send({ type: "websocket.close" });
        };
        const c = new core_1.WebsocketCommunicator(app, "/files/100%/%C3%A9");
        await c.connect();
        expect(path).toBe("/files/100%/é");
    });
});
//# sourceMappingURL=communicators.test.js.map