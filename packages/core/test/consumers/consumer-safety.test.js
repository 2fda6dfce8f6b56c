"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const layer = (0, test_fixtures_1.useChannelLayer)({ make: () => new core_1.InMemoryChannelLayer({ capacity: 2 }) });
describe("message types cannot reach the framework's own methods", () => {
    it.each([
        "push",
        "fail",
        "run",
        "dispatch",
        "send",
        "accept",
        "close",
        "receive",
        "group.add",
        "groupSend",
        "stopAfterThisMessage",
        "connect",
    ])("a layer message of type %s ends that consumer with HandlerNotFound (and nothing else happens)", async (type) => {
        let channel = "";
        class Member extends core_1.WebsocketConsumer {
            async connect() {
                channel = this.channelName;
                await this.accept();
            }
        }
        const c = new core_1.WebsocketCommunicator(Member.asApp(), "/");
        await c.connect();
        await layer().send(channel, { type });
        await expect(c.receiveOutput()).rejects.toThrow(core_1.HandlerNotFound);
        await expect(c.receiveOutput()).rejects.toThrow(JSON.stringify(type));
    });
    it("the protocol handlers stay reachable (websocket_receive is how frames arrive)", async () => {
        class Echo extends core_1.WebsocketConsumer {
            async receive(text) {
                await this.send(text ?? "");
            }
        }
        const c = new core_1.WebsocketCommunicator(Echo.asApp(), "/");
        await c.connect();
        await c.sendTo("ok");
        expect(await c.receiveFrom()).toBe("ok");
        await c.disconnect();
    });
});
describe("backpressure: a busy consumer leaves its messages in the layer", () => {
    it("send() throws ChannelFull once `capacity` messages wait behind a slow handler, then all are dispatched in order", async () => {
        let release;
        const released = new Promise((resolve) => (release = resolve));
        let started;
        const blocking = new Promise((resolve) => (started = resolve));
        const seen = [];
        class Slow extends core_1.AsyncConsumer {
            async whoami() {
                await this.send({ type: "websocket.send", text: String(this.channelName) });
            }
            async job(message) {
                seen.push(message.n);
                if (message.n === 1) {
                    started();
                    await released;
                }
                if (seen.length === 3)
                    await this.send({ type: "websocket.send", text: "all.done" });
            }
        }
        const c = new core_1.ApplicationCommunicator(Slow.asApp(), { type: "custom" });
        await c.sendInput({ type: "whoami" });
        const me = await c.receiveOutput();
        const name = "text" in me ? String(me.text) : "";
        await layer().send(name, { type: "job", n: 1 });
        await blocking;
        await layer().send(name, { type: "job", n: 2 });
        await layer().send(name, { type: "job", n: 3 });
        await expect(layer().send(name, { type: "job", n: 4 })).rejects.toBeInstanceOf(core_1.ChannelFull);
        release();
        expect(await c.receiveOutput()).toEqual({ type: "websocket.send", text: "all.done" });
        expect(seen).toEqual([1, 2, 3]);
        await c.stop();
    });
});
describe("HttpConsumer lifetime and limits", () => {
    const scope = { type: "http", method: "GET", path: "/", query_string: "", root_path: "", headers: [] };
    it("ends as soon as a final body chunk is sent, even from a timer, without calling disconnect()", async () => {
        let disconnected = 0;
        class Later extends core_1.HttpConsumer {
            async handle() {
                await this.sendHeaders(200);
                setTimeout(() => void this.sendBody("done"), 5);
            }
            async disconnect() {
                disconnected++;
            }
        }
        const c = new core_1.ApplicationCommunicator(Later.asApp(), scope);
        await c.sendInput({ type: "http.request", body: new Uint8Array(), more_body: false });
        expect(await c.receiveOutput()).toMatchObject({ type: "http.response.start" });
        expect(await c.receiveOutput()).toMatchObject({ type: "http.response.body", more_body: false });
        await c.wait();
        expect(disconnected).toBe(0);
    });
    it("answers 413 to a body over maxBodyBytes without calling handle()", async () => {
        let handled = false;
        class Small extends core_1.HttpConsumer {
            maxBodyBytes = 4;
            async handle() {
                handled = true;
                await this.sendResponse(200, "ok");
            }
        }
        const response = await new core_1.HttpCommunicator(Small.asApp(), "POST", "/", "12345").getResponse();
        expect(response.status).toBe(413);
        expect(handled).toBe(false);
    });
});
//# sourceMappingURL=consumer-safety.test.js.map