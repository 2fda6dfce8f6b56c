"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const core_1 = require("@channels-ts/core");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const example_process_1 = require("./support/example-process");
const markdown_snippets_1 = require("./support/markdown-snippets");
const routing_1 = require("../docs/consumers/routing");
const handler_names_1 = require("../docs/consumers/handler-names");
const websocket_consumer_1 = require("../docs/consumers/websocket-consumer");
const json_consumer_1 = require("../docs/consumers/json-consumer");
const http_consumer_1 = require("../docs/consumers/http-consumer");
const middleware_1 = require("../docs/consumers/middleware");
const configure_1 = require("../docs/layers/configure");
const overload_1 = require("../docs/layers/overload");
const CHAT_READY = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1$/m;
// After each test: the clients go first, then the examples (hooks run in declaration order).
const clients = new test_fixtures_1.WsClients();
afterEach(() => clients.terminate());
const processes = (0, test_fixtures_1.useProcesses)();
/** Starts a tutorial step's chat and resolves with the port it says it listens on. */
async function chatPort(file, env = {}) {
    const [, port] = await (0, example_process_1.startExample)(processes, file, env).waitFor(CHAT_READY);
    return port;
}
function join_(port, room) {
    return clients.text(`ws://127.0.0.1:${port}/room/${room}/`);
}
describe("docs/tutorial.md: each step does what the tutorial says", () => {
    it("files the tutorial says are unchanged are the same in every step", () => {
        const read = (file) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(markdown_snippets_1.ROOT, "examples/tutorial", file), "utf8");
        for (const step of ["step-2", "step-3", "step-4"]) {
            expect(read(`${step}/page.ts`)).toBe(read("step-1/page.ts"));
            expect(read(`${step}/main.ts`)).toBe(read("step-1/main.ts"));
        }
        expect(read("step-4/consumer.ts")).toBe(read("step-3/consumer.ts"));
    });
    it("step 1 answers GET /?num=7 with the page of room 7, and stops on SIGTERM", async () => {
        const chat = (0, example_process_1.startExample)(processes, "examples/tutorial/step-1/main.ts");
        const [, port] = await chat.waitFor(CHAT_READY);
        const response = await fetch(`http://127.0.0.1:${port}/?num=7`);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        const page = await response.text();
        expect(page).toContain("<title>Room 7</title>");
        expect(page).toContain('const room = "7";');
        expect(await chat.stop()).toEqual({ code: 0, signal: null, killed: false });
    });
    it("step 2 echoes every message back to its sender only", async () => {
        const port = await chatPort("examples/tutorial/step-2/main.ts");
        const [a, b] = await Promise.all([join_(port, "1"), join_(port, "1")]);
        a.send("hello");
        expect(await a.next("hello")).toBe("hello");
        b.send("fence");
        await b.next("fence");
        expect(b.received).toEqual(["fence"]);
    });
    it("step 3 sends every message to the whole room, and to no other room", async () => {
        const port = await chatPort("examples/tutorial/step-3/main.ts");
        const [a, b, other] = await Promise.all([join_(port, "1"), join_(port, "1"), join_(port, "2")]);
        a.send("hi room 1");
        await Promise.all([a.next("hi room 1"), b.next("hi room 1")]);
        other.send("fence");
        await other.next("fence");
        expect(other.received).toEqual(["fence"]);
    });
    it("step 4 refuses an unknown CHANNEL_LAYER at startup, naming it", async () => {
        const chat = (0, example_process_1.startExample)(processes, "examples/tutorial/step-4/main.ts", { CHANNEL_LAYER: "reddis" });
        const exit = await chat.exited;
        expect(exit.code).not.toBe(0);
        expect(chat.output).toContain("CHANNEL_LAYER=reddis is not one of memory, redis, redis-pubsub.");
    });
    const withRedis = test_fixtures_1.REDIS_SERVER === undefined ? describe.skip : describe;
    if (test_fixtures_1.REDIS_SERVER === undefined) {
        process.stderr.write('!!! SKIPPED "tutorial step 4 on Redis": redis-server is not on PATH (apt-get install redis-server).\n');
    }
    withRedis("step 4 on Redis: two processes, one room", () => {
        const redis = (0, test_fixtures_1.useRedisServer)();
        it.each(["redis", "redis-pubsub"])("CHANNEL_LAYER=%s", async (layer) => {
            const env = { CHANNEL_LAYER: layer, REDIS_URL: redis.url };
            const [portA, portB] = await Promise.all([
                chatPort("examples/tutorial/step-4/main.ts", env),
                chatPort("examples/tutorial/step-4/main.ts", env),
            ]);
            const [a, b] = await Promise.all([join_(portA, "1"), join_(portB, "1")]);
            // A membership is made after accept, so the first message may go out before the other
            // process has joined: send until it arrives, as the README's two-process test does.
            for (let attempt = 1;; attempt++) {
                a.send(`probe ${attempt}`);
                try {
                    await b.next(/^probe /, 1_000);
                    break;
                }
                catch (error) {
                    if (attempt === 5)
                        throw error;
                }
            }
            b.send("from B");
            await a.next("from B");
        });
    });
});
const PYTHON = "/usr/bin/python3";
const canRunDjango = (0, node_fs_1.existsSync)(PYTHON) && (0, node_child_process_1.spawnSync)(PYTHON, ["-c", "import django, channels, daphne"], { stdio: "ignore" }).status === 0;
if (!canRunDjango) {
    process.stderr.write(`!!! SKIPPED "the tutorial's Django project": ${PYTHON} cannot import django, channels and daphne (Debian: apt-get install python3-django-channels daphne).\n`);
}
(canRunDjango ? describe : describe.skip)("docs/tutorial.md: the Django project beside it", () => {
    it("steps 1 to 3 make a Django Channels project whose rooms work (channels.testing)", () => {
        const project = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), "django-tutorial-"));
        try {
            for (const step of ["step-1", "step-2", "step-3"]) {
                (0, node_fs_1.cpSync)((0, node_path_1.join)(markdown_snippets_1.ROOT, "examples/tutorial/python", step), project, { recursive: true });
            }
            const result = (0, node_child_process_1.spawnSync)(PYTHON, [(0, node_path_1.join)(__dirname, "support", "django_tutorial_check.py")], {
                cwd: project,
                encoding: "utf8",
                env: { ...process.env, PYTHONPATH: project, PYTHONDONTWRITEBYTECODE: "1" },
                timeout: 20_000,
            });
            expect(result.stderr).not.toMatch(/Error/);
            expect(result.stdout).toContain("django tutorial: ok");
        }
        finally {
            (0, node_fs_1.rmSync)(project, { recursive: true, force: true });
        }
    });
});
describe("docs/deployment.md: the server behind a proxy", () => {
    it("routes under ROOT_PATH, takes the client from X-Forwarded-For, and closes with 1001 on SIGTERM", async () => {
        const server = (0, example_process_1.startExample)(processes, "examples/docs/deployment/main.ts", { ROOT_PATH: "/chat" });
        const [, port] = await server.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
        const client = await clients.text(`ws://127.0.0.1:${port}/chat/ws/`, {
            socket: { headers: { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" } },
        });
        client.send("hi");
        expect(await client.next(/^hi/)).toBe("hi (from 203.0.113.9, root /chat)");
        const exit = server.stop();
        expect(await client.closed).toBe(1001);
        expect(await exit).toEqual({ code: 0, signal: null, killed: false });
    });
});
describe("docs/consumers-and-routing.md", () => {
    async function kwargsAt(app, path) {
        const client = new core_1.WebsocketCommunicator(app, path);
        await client.connect();
        const kwargs = JSON.parse(String(await client.receiveFrom()));
        await client.disconnect();
        return kwargs;
    }
    it("path() converters, nested routers, rePath() groups and extra kwargs", async () => {
        expect(await kwargsAt(routing_1.websocketRoutes, "/chat/42/")).toEqual({ id: 42 });
        expect(await kwargsAt(routing_1.websocketRoutes, "/chat/general-1/")).toEqual({ name: "general-1" });
        expect(await kwargsAt(routing_1.websocketRoutes, "/files/a/b.txt")).toEqual({ rest: "a/b.txt" });
        expect(await kwargsAt(routing_1.websocketRoutes, "/legacy/r2/")).toEqual({ room: "r2" });
        expect(await kwargsAt(routing_1.websocketRoutes, "/lobby/")).toEqual({ room: "lobby" });
        expect(await kwargsAt(routing_1.archive, "/archive/2024/")).toEqual({ y: 2024 });
        await expect(kwargsAt(routing_1.archive, "/archive/24/")).rejects.toThrow(/No route found/);
    });
    it("chat.message reaches chat_message and user.joined reaches userJoined", async () => {
        const client = new core_1.WebsocketCommunicator(handler_names_1.Room.asApp(), "/");
        await client.connect();
        await client.sendTo("hi");
        expect(await client.receiveFrom()).toBe("hi");
        expect(await client.receiveFrom()).toBe("ada joined");
        await client.disconnect();
    });
    it("a typed consumer joins its groups and handles its declared messages", async () => {
        const client = new core_1.WebsocketCommunicator(handler_names_1.TypedRoom.asApp(), "/");
        await client.connect();
        await (0, core_1.getChannelLayer)().groupSend("room", { type: "chat.typing", user: "bob" });
        expect(await client.receiveFrom()).toBe("bob is typing");
        await client.sendTo("typed");
        expect(await client.receiveFrom()).toBe("typed");
        await client.disconnect();
    });
    it("WebsocketConsumer: DenyConnection refuses, subprotocols, send-then-close", async () => {
        const refused = new core_1.WebsocketCommunicator(websocket_consumer_1.EchoConsumer.asApp(), "/");
        expect(await refused.connect()).toEqual({ connected: false, subprotocol: null, closeCode: 1000 });
        const client = new core_1.WebsocketCommunicator(websocket_consumer_1.EchoConsumer.asApp(), "/?token=t", { subprotocols: ["chat.v1"] });
        expect(await client.connect()).toEqual({ connected: true, subprotocol: "chat.v1", closeCode: null });
        await client.sendTo("bye");
        expect(await client.receiveFrom()).toBe("goodbye");
        expect(await client.receiveOutput()).toEqual({ type: "websocket.close", code: 4000 });
        await client.disconnect();
    });
    it("JsonWebsocketConsumer decodes and encodes JSON, and closes 1007 on bad JSON", async () => {
        const client = new core_1.WebsocketCommunicator(json_consumer_1.Calculator.asApp(), "/");
        await client.connect();
        await client.sendJsonTo({ a: 2, b: 3 });
        expect(await client.receiveJsonFrom()).toEqual({ sum: 5 });
        await client.sendTo("{oops");
        expect(await client.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1007 });
        await client.disconnect();
    });
    it("HttpConsumer answers with the request body", async () => {
        const response = await new core_1.HttpCommunicator(http_consumer_1.Hello.asApp(), "POST", "/", "ada").getResponse();
        expect(response.status).toBe(200);
        expect(response.body.toString()).toBe("hello, ada\n");
    });
    it("server-sent events fed by a group, until a chunk without more", async () => {
        const scope = { type: "http", method: "GET", path: "/events/", headers: [], query_string: "" };
        const stream = new core_1.ApplicationCommunicator(http_consumer_1.NewsEvents.asApp(), scope);
        await stream.sendInput({ type: "http.request", body: new Uint8Array(), more_body: false });
        expect(await stream.receiveOutput()).toMatchObject({ type: "http.response.start", status: 200 });
        const text = async () => {
            const event = await stream.receiveOutput();
            if (event.type !== "http.response.body")
                throw new Error(`expected a body chunk, got ${event.type}`);
            return Buffer.from(event.body ?? new Uint8Array()).toString();
        };
        expect(await text()).toBe(": connected\n\n");
        await (0, core_1.getChannelLayer)().groupSend("news", { type: "news.item", text: "first" });
        expect(await text()).toBe("data: first\n\n");
        await (0, core_1.getChannelLayer)().groupSend("news", { type: "news.end" });
        expect(await text()).toBe("event: end\ndata: bye\n\n");
        await stream.wait();
    });
    it("login over HTTP, then the WebSocket sees the user; another Origin is refused", async () => {
        const login = new core_1.HttpCommunicator(middleware_1.application, "POST", "/login/", "1", [["host", "example.com"]]);
        const response = await login.getResponse();
        expect(response.body.toString()).toBe("logged in as ada\n");
        const setCookie = response.headers.find(([name]) => name === "set-cookie")?.[1] ?? "";
        const cookie = setCookie.split(";")[0];
        expect(cookie).toMatch(/^sessionid=/);
        const headers = [
            ["host", "example.com"],
            ["origin", "http://example.com"],
            ["cookie", cookie],
        ];
        const ws = new core_1.WebsocketCommunicator(middleware_1.application, "/whoami/", { headers });
        await ws.connect();
        expect(await ws.receiveFrom()).toBe("ada");
        await ws.disconnect();
        const anonymous = new core_1.WebsocketCommunicator(middleware_1.application, "/whoami/", { headers: headers.slice(0, 2) });
        await anonymous.connect();
        expect(await anonymous.receiveFrom()).toBe("anonymous");
        await anonymous.disconnect();
        const crossSite = new core_1.WebsocketCommunicator(middleware_1.application, "/whoami/", {
            headers: [
                ["host", "example.com"],
                ["origin", "http://evil.example"],
                ["cookie", cookie],
            ],
        });
        expect((await crossSite.connect()).connected).toBe(false);
    });
});
describe("docs/channel-layers.md", () => {
    it("send to a full channel throws ChannelFull; groupSend skips the full member", async () => {
        expect(await (0, overload_1.overload)()).toEqual(["send: CHANNEL_FULL", "fast got: to all"]);
    });
    it("the configured aliases: default and bulk", async () => {
        const bulk = core_1.channelLayers.get("bulk");
        expect(bulk).toBeInstanceOf(core_1.InMemoryChannelLayer);
        expect((0, core_1.getChannelLayer)()).toBeInstanceOf(core_1.InMemoryChannelLayer);
        expect((0, core_1.getChannelLayer)()).not.toBe(bulk);
        expect(new configure_1.BulkConsumer().channelLayerAlias).toBe("bulk");
        const layer = (0, core_1.getChannelLayer)();
        const member = await layer.newChannel();
        await layer.groupAdd("room", member);
        await (0, configure_1.announce)("from a script");
        expect(await layer.receive(member)).toEqual({ type: "chat.message", text: "from a script" });
    });
});
//# sourceMappingURL=docs-examples.test.js.map