"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const layer = (0, test_fixtures_1.useChannelLayer)();
class Hello extends core_1.HttpConsumer {
    async handle(body) {
        await this.sendResponse(201, `${this.scope.method} ${this.scope.path} ${Buffer.from(body).toString()}`, {
            headers: { "content-type": "text/plain" },
        });
    }
}
function httpScope() {
    return { type: "http", method: "GET", path: "/events", query_string: "", root_path: "", headers: [] };
}
describe("HttpConsumer", () => {
    it("answers with sendResponse, given the whole body", async () => {
        const c = new core_1.HttpCommunicator(Hello.asApp(), "POST", "/greet?x=1", "payload");
        const response = await c.getResponse();
        expect(response.status).toBe(201);
        expect(response.headers).toEqual([["content-type", "text/plain"]]);
        expect(response.body.toString()).toBe("POST /greet payload");
        await c.wait();
    });
    it("joins a body sent in several http.request chunks", async () => {
        const c = new core_1.ApplicationCommunicator(Hello.asApp(), httpScope());
        await c.sendInput({ type: "http.request", body: Buffer.from("ab"), more_body: true });
        await c.sendInput({ type: "http.request", body: Buffer.from("cd"), more_body: false });
        expect(await c.receiveOutput()).toMatchObject({ status: 201 });
        expect(await c.receiveOutput()).toMatchObject({ body: Buffer.from("GET /events abcd") });
    });
    it("streams server-sent events fed by a group after handle() returns, until a final chunk", async () => {
        class Events extends core_1.HttpConsumer {
            async handle() {
                await this.groupAdd("news");
                await this.sendHeaders(200, [["content-type", "text/event-stream"]]);
                await this.sendBody("retry: 1000\n\n", { more: true });
            }
            async news_item(message) {
                const last = message.last === true;
                await this.sendBody(`data: ${String(message.text)}\n\n`, { more: !last });
            }
        }
        const c = new core_1.ApplicationCommunicator(Events.asApp(), httpScope());
        await c.sendInput({ type: "http.request", body: new Uint8Array(), more_body: false });
        expect(await c.receiveOutput()).toMatchObject({ type: "http.response.start", status: 200 });
        expect(await c.receiveOutput()).toMatchObject({ more_body: true });
        await layer().groupSend("news", { type: "news.item", text: "one" });
        expect(await c.receiveOutput()).toMatchObject({ body: Buffer.from("data: one\n\n"), more_body: true });
        await layer().groupSend("news", { type: "news.item", text: "two", last: true });
        expect(await c.receiveOutput()).toMatchObject({ more_body: false });
        await c.wait();
    });
    it("ends on http.disconnect and calls disconnect()", async () => {
        let disconnected = 0;
        class Hang extends core_1.HttpConsumer {
            async handle() {
                await this.sendHeaders(200);
            }
            async disconnect() {
                disconnected++;
            }
        }
        const c = new core_1.ApplicationCommunicator(Hang.asApp(), httpScope());
        await c.sendInput({ type: "http.request", body: new Uint8Array(), more_body: false });
        await c.receiveOutput();
        await c.sendInput({ type: "http.disconnect" });
        await c.wait();
        expect(disconnected).toBe(1);
    });
    it("a consumer without handle() is a clear error", async () => {
        class Empty extends core_1.HttpConsumer {
        }
        const c = new core_1.HttpCommunicator(Empty.asApp(), "GET", "/");
        await expect(c.getResponse()).rejects.toThrow(/Empty must define handle\(body\)/);
    });
});
//# sourceMappingURL=http-consumer.test.js.map