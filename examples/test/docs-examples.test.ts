import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApplicationCommunicator,
  HttpCommunicator,
  InMemoryChannelLayer,
  WebsocketCommunicator,
  channelLayers,
  getChannelLayer,
  type Application,
  type Scope,
} from "@channels-ts/core";
import { REDIS_SERVER, useProcesses, useRedisServer, WsClients, type TextClient } from "@channels-ts/test-fixtures";
import { startExample } from "./support/example-process";
import { ROOT } from "./support/markdown-snippets";
import { websocketRoutes, archive } from "../docs/consumers/routing";
import { Room, TypedRoom } from "../docs/consumers/handler-names";
import { EchoConsumer } from "../docs/consumers/websocket-consumer";
import { Calculator } from "../docs/consumers/json-consumer";
import { Hello, NewsEvents } from "../docs/consumers/http-consumer";
import { application as authApplication } from "../docs/consumers/middleware";
import { announce, BulkConsumer } from "../docs/layers/configure";
import { overload } from "../docs/layers/overload";
import { watchDrops } from "../docs/layers/drops";

const CHAT_READY = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1$/m;
// After each test: the clients go first, then the examples (hooks run in declaration order).
const clients = new WsClients();
afterEach(() => clients.terminate());
const processes = useProcesses();

/** Starts a tutorial step's chat and resolves with the port it says it listens on. */
async function chatPort(file: string, env: Record<string, string> = {}): Promise<string> {
  const [, port] = await startExample(processes, file, env).waitFor(CHAT_READY);
  return port as string;
}

function join_(port: string, room: string): Promise<TextClient> {
  return clients.text(`ws://127.0.0.1:${port}/room/${room}/`);
}

describe("docs/tutorial.md: each step does what the tutorial says", () => {
  it("files the tutorial says are unchanged are the same in every step", () => {
    const read = (file: string): string => readFileSync(join(ROOT, "examples/tutorial", file), "utf8");
    for (const step of ["step-2", "step-3", "step-4"]) {
      expect(read(`${step}/page.ts`)).toBe(read("step-1/page.ts"));
      expect(read(`${step}/main.ts`)).toBe(read("step-1/main.ts"));
    }
    expect(read("step-4/consumer.ts")).toBe(read("step-3/consumer.ts"));
  });

  it("step 1 answers GET /?num=7 with the page of room 7, and stops on SIGTERM", async () => {
    const chat = startExample(processes, "examples/tutorial/step-1/main.ts");
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
    const chat = startExample(processes, "examples/tutorial/step-4/main.ts", { CHANNEL_LAYER: "reddis" });
    const exit = await chat.exited;
    expect(exit.code).not.toBe(0);
    expect(chat.output).toContain("CHANNEL_LAYER=reddis is not one of memory, redis, redis-pubsub.");
  });

  const withRedis = REDIS_SERVER === undefined ? describe.skip : describe;
  if (REDIS_SERVER === undefined) {
    process.stderr.write(
      '!!! SKIPPED "tutorial step 4 on Redis": redis-server is not on PATH (apt-get install redis-server).\n',
    );
  }
  withRedis("step 4 on Redis: two processes, one room", () => {
    const redis = useRedisServer();

    it.each(["redis", "redis-pubsub"])("CHANNEL_LAYER=%s", async (layer) => {
      const env = { CHANNEL_LAYER: layer, REDIS_URL: redis.url };
      const [portA, portB] = await Promise.all([
        chatPort("examples/tutorial/step-4/main.ts", env),
        chatPort("examples/tutorial/step-4/main.ts", env),
      ]);
      const [a, b] = await Promise.all([join_(portA, "1"), join_(portB, "1")]);
      // A membership is made after accept, so the first message may go out before the other
      // process has joined: send until it arrives, as the README's two-process test does.
      for (let attempt = 1; ; attempt++) {
        a.send(`probe ${attempt}`);
        try {
          await b.next(/^probe /, 1_000);
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      b.send("from B");
      await a.next("from B");
    });
  });
});

const PYTHON = "/usr/bin/python3";
const canRunDjango =
  existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import django, channels, daphne"], { stdio: "ignore" }).status === 0;
if (!canRunDjango) {
  process.stderr.write(
    `!!! SKIPPED "the tutorial's Django project": ${PYTHON} cannot import django, channels and daphne (Debian: apt-get install python3-django-channels daphne).\n`,
  );
}
(canRunDjango ? describe : describe.skip)("docs/tutorial.md: the Django project beside it", () => {
  it("steps 1 to 3 make a Django Channels project whose rooms work (channels.testing)", () => {
    const project = mkdtempSync(join(tmpdir(), "django-tutorial-"));
    try {
      for (const step of ["step-1", "step-2", "step-3"]) {
        cpSync(join(ROOT, "examples/tutorial/python", step), project, { recursive: true });
      }
      const result = spawnSync(PYTHON, [join(__dirname, "support", "django_tutorial_check.py")], {
        cwd: project,
        encoding: "utf8",
        env: { ...process.env, PYTHONPATH: project, PYTHONDONTWRITEBYTECODE: "1" },
        timeout: 20_000,
      });
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.stdout).toContain("django tutorial: ok");
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe("docs/deployment.md: the server behind a proxy", () => {
  it("routes under ROOT_PATH, takes the client from X-Forwarded-For, and closes with 1001 on SIGTERM", async () => {
    const server = startExample(processes, "examples/docs/deployment/main.ts", { ROOT_PATH: "/chat" });
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
  async function kwargsAt(app: Application, path: string): Promise<unknown> {
    const client = new WebsocketCommunicator(app, path);
    await client.connect();
    const kwargs = JSON.parse(String(await client.receiveFrom())) as unknown;
    await client.disconnect();
    return kwargs;
  }

  it("path() converters, nested routers, rePath() groups and extra kwargs", async () => {
    expect(await kwargsAt(websocketRoutes, "/chat/42/")).toEqual({ id: 42 });
    expect(await kwargsAt(websocketRoutes, "/chat/general-1/")).toEqual({ name: "general-1" });
    expect(await kwargsAt(websocketRoutes, "/files/a/b.txt")).toEqual({ rest: "a/b.txt" });
    expect(await kwargsAt(websocketRoutes, "/legacy/r2/")).toEqual({ room: "r2" });
    expect(await kwargsAt(websocketRoutes, "/lobby/")).toEqual({ room: "lobby" });
    expect(await kwargsAt(archive, "/archive/2024/")).toEqual({ y: 2024 });
    await expect(kwargsAt(archive, "/archive/24/")).rejects.toThrow(/No route found/);
  });

  it("chat.message reaches chat_message and user.joined reaches userJoined", async () => {
    const client = new WebsocketCommunicator(Room.asApp(), "/");
    await client.connect();
    await client.sendTo("hi");
    expect(await client.receiveFrom()).toBe("hi");
    expect(await client.receiveFrom()).toBe("ada joined");
    await client.disconnect();
  });

  it("a typed consumer joins its groups and handles its declared messages", async () => {
    const client = new WebsocketCommunicator(TypedRoom.asApp(), "/");
    await client.connect();
    await getChannelLayer()!.groupSend("room", { type: "chat.typing", user: "bob" });
    expect(await client.receiveFrom()).toBe("bob is typing");
    await client.sendTo("typed");
    expect(await client.receiveFrom()).toBe("typed");
    await client.disconnect();
  });

  it("WebsocketConsumer: DenyConnection refuses, subprotocols, send-then-close", async () => {
    const refused = new WebsocketCommunicator(EchoConsumer.asApp(), "/");
    expect(await refused.connect()).toEqual({ connected: false, subprotocol: null, closeCode: 1000 });
    const client = new WebsocketCommunicator(EchoConsumer.asApp(), "/?room=1", { subprotocols: ["chat.v1"] });
    expect(await client.connect()).toEqual({ connected: true, subprotocol: "chat.v1", closeCode: null });
    await client.sendTo("bye");
    expect(await client.receiveFrom()).toBe("goodbye");
    expect(await client.receiveOutput()).toEqual({ type: "websocket.close", code: 4000 });
    await client.disconnect();
  });

  it("JsonWebsocketConsumer decodes and encodes JSON, and closes 1007 on bad JSON", async () => {
    const client = new WebsocketCommunicator(Calculator.asApp(), "/");
    await client.connect();
    await client.sendJsonTo({ a: 2, b: 3 });
    expect(await client.receiveJsonFrom()).toEqual({ sum: 5 });
    await client.sendTo("{oops");
    expect(await client.receiveOutput()).toMatchObject({ type: "websocket.close", code: 1007 });
    await client.disconnect();
  });

  it("HttpConsumer answers with the request body", async () => {
    const response = await new HttpCommunicator(Hello.asApp(), "POST", "/", "ada").getResponse();
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello, ada\n");
  });

  it("server-sent events fed by a group, until a chunk without more", async () => {
    const scope: Scope = { type: "http", method: "GET", path: "/events/", headers: [], query_string: "" };
    const stream = new ApplicationCommunicator(NewsEvents.asApp(), scope);
    await stream.sendInput({ type: "http.request", body: new Uint8Array(), more_body: false });
    expect(await stream.receiveOutput()).toMatchObject({ type: "http.response.start", status: 200 });
    const text = async (): Promise<string> => {
      const event = await stream.receiveOutput();
      if (event.type !== "http.response.body") throw new Error(`expected a body chunk, got ${event.type}`);
      return Buffer.from(event.body ?? new Uint8Array()).toString();
    };
    expect(await text()).toBe(": connected\n\n");
    await getChannelLayer()!.groupSend("news", { type: "news.item", text: "first" });
    expect(await text()).toBe("data: first\n\n");
    await getChannelLayer()!.groupSend("news", { type: "news.end" });
    expect(await text()).toBe("event: end\ndata: bye\n\n");
    await stream.wait();
  });

  it("login over HTTP, then the WebSocket sees the user; another Origin is refused", async () => {
    const login = new HttpCommunicator(authApplication, "POST", "/login/", "1", [["host", "example.com"]]);
    const response = await login.getResponse();
    expect(response.body.toString()).toBe("logged in as ada\n");
    const setCookie = response.headers.find(([name]) => name === "set-cookie")?.[1] ?? "";
    const cookie = setCookie.split(";")[0] as string;
    expect(cookie).toMatch(/^sessionid=/);

    const headers: Array<[string, string]> = [
      ["host", "example.com"],
      ["origin", "http://example.com"],
      ["cookie", cookie],
    ];
    const ws = new WebsocketCommunicator(authApplication, "/whoami/", { headers });
    await ws.connect();
    expect(await ws.receiveFrom()).toBe("ada");
    await ws.disconnect();

    const anonymous = new WebsocketCommunicator(authApplication, "/whoami/", { headers: headers.slice(0, 2) });
    await anonymous.connect();
    expect(await anonymous.receiveFrom()).toBe("anonymous");
    await anonymous.disconnect();

    const crossSite = new WebsocketCommunicator(authApplication, "/whoami/", {
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
    expect(await overload()).toEqual(["send: CHANNEL_FULL", "fast got: to all"]);
  });

  it("layers/drops.ts: one hook sees the group send that skipped a full member, the layer counts and logs it", async () => {
    const lines = await watchDrops();
    expect(lines[0]).toBe("InMemoryChannelLayer: 1 channel full (room)");
    expect(lines[1]).toMatch(/^InMemoryChannelLayer: dropped 1 channel full \(last for group "room"\)/);
    expect(lines[2]).toBe('droppedCounts: {"channel full":1,"expired":0}');
  });

  it("the configured aliases: default and bulk", async () => {
    const bulk = channelLayers.get("bulk");
    expect(bulk).toBeInstanceOf(InMemoryChannelLayer);
    expect(getChannelLayer()).toBeInstanceOf(InMemoryChannelLayer);
    expect(getChannelLayer()).not.toBe(bulk);
    expect(new BulkConsumer().channelLayerAlias).toBe("bulk");
    const layer = getChannelLayer()!;
    const member = await layer.newChannel();
    await layer.groupAdd("room", member);
    await announce("from a script");
    expect(await layer.receive(member)).toEqual({ type: "chat.message", text: "from a script" });
  });
});
