"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const core_1 = require("@channels-ts/core");
const src_1 = require("../src");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const clients = new test_fixtures_1.WsClients();
let httpServer;
let channels;
afterEach(async () => {
    clients.terminate();
    await channels?.close();
    if (httpServer !== undefined) {
        httpServer.closeAllConnections();
        await new Promise((resolve) => httpServer.close(resolve));
    }
    httpServer = undefined;
    channels = undefined;
});
/** Accepts, then answers each frame with what the route captured and the scope's paths. */
const room = async (scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    const { kwargs } = scope.url_route;
    for (;;) {
        const message = await receive();
        if (message.type === "websocket.disconnect")
            return;
        const reply = { room: kwargs.room, text: message.text, path: scope.path, root_path: scope.root_path };
        await send({ type: "websocket.send", text: JSON.stringify(reply) });
    }
};
const websocketRoutes = (0, core_1.URLRouter)([(0, core_1.path)("chat/<room>/", room)]);
async function listen(app) {
    const server = app.listen(0, "127.0.0.1");
    httpServer = server;
    await new Promise((resolve) => server.once("listening", resolve));
    return server.address().port;
}
test("Express 5 keeps its HTTP routes; attach(paths: ['/ws']) serves /ws/chat/<room>/ with routes relative to /ws", async () => {
    const app = (0, express_1.default)();
    app.get("/", (_req, res) => void res.send("express home"));
    app.get("/ws/info", (_req, res) => void res.json({ from: "express" }));
    const port = await listen(app);
    channels = (0, src_1.attach)(httpServer, websocketRoutes, { paths: ["/ws"], logger: src_1.silentLogger });
    const ws = await clients.open(`ws://127.0.0.1:${port}/ws/chat/lobby/`);
    const reply = (0, test_fixtures_1.nextFrame)(ws);
    ws.send("hello");
    expect(JSON.parse(String(await reply))).toEqual({
        room: "lobby",
        text: "hello",
        path: "/ws/chat/lobby/", // ASGI's path is the full path ...
        root_path: "/ws", // ... and the mount point is root_path, which URLRouter strips
    });
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/`)).body).toBe("express home");
    expect(JSON.parse((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/ws/info`)).body)).toEqual({ from: "express" });
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/nope`)).status).toBe(404); // Express's own 404
    expect(await clients.refusal(`ws://127.0.0.1:${port}/ws/elsewhere/`)).toBe(404); // under /ws, but no route
    expect(await clients.refusal(`ws://127.0.0.1:${port}/chat/lobby/`)).toBe(404); // not under /ws: nobody claims it
    const end = (0, test_fixtures_1.closed)(ws);
    await channels.close();
    expect((await end).code).toBe(1001);
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/`)).body).toBe("express home"); // the host keeps running
});
test("with http: true, attach() answers HTTP under its path and Express the rest", async () => {
    const app = (0, express_1.default)();
    app.get("/", (_req, res) => void res.send("express home"));
    const port = await listen(app);
    const api = async (scope, _receive, send) => {
        await send({ type: "http.response.start", status: 200, headers: [] });
        await send({ type: "http.response.body", body: Buffer.from(`channels ${scope.path} under ${scope.root_path}`) });
    };
    channels = (0, src_1.attach)(httpServer, (0, core_1.URLRouter)([(0, core_1.path)("items/<int:id>/", api)]), {
        paths: ["/api/"],
        http: true,
        logger: src_1.silentLogger,
    });
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/api/items/7/`)).body).toBe("channels /api/items/7/ under /api");
    expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/`)).body).toBe("express home");
});
//# sourceMappingURL=attach-express.test.js.map