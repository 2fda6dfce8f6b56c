"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const app_1 = require("../app");
// #region layer
// A fresh in-memory layer for each test, and the previous configuration back afterwards.
let layer;
let replaced;
beforeEach(() => {
    layer = new core_1.InMemoryChannelLayer();
    replaced = core_1.channelLayers.set("default", layer);
});
afterEach(async () => {
    core_1.channelLayers.set("default", replaced);
    await layer.close();
});
// #endregion layer
// #region websocket
test("what one member of a room sends, every member receives", async () => {
    const ada = new core_1.WebsocketCommunicator(app_1.application, "/room/lobby/");
    const bob = new core_1.WebsocketCommunicator(app_1.application, "/room/lobby/");
    expect((await ada.connect()).connected).toBe(true);
    expect((await bob.connect()).connected).toBe(true);
    await ada.sendTo("hello");
    expect(await ada.receiveFrom()).toBe("hello");
    expect(await bob.receiveFrom()).toBe("hello");
    await ada.disconnect();
    await bob.disconnect();
});
test("an unknown path is refused", async () => {
    const client = new core_1.WebsocketCommunicator(app_1.application, "/nowhere/");
    await expect(client.connect()).rejects.toThrow(/No route found/);
});
// #endregion websocket
// #region http
test("GET /health/ answers ok", async () => {
    const response = await new core_1.HttpCommunicator(app_1.application, "GET", "/health/").getResponse();
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("ok");
});
// #endregion http
// #region application
test("any application, one message at a time", async () => {
    const ping = async (_scope, receive, send) => {
        const message = await receive();
        await send({ type: "websocket.send", text: `pong ${String(message.value)}` });
    };
    const communicator = new core_1.ApplicationCommunicator(ping, { type: "custom" });
    await communicator.sendInput({ type: "ping", value: 42 });
    expect(await communicator.receiveOutput()).toEqual({ type: "websocket.send", text: "pong 42" });
    await communicator.wait();
});
// #endregion application
//# sourceMappingURL=app.test.js.map