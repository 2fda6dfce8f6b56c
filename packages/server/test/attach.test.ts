import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";
import type { Application } from "@channels-ts/core";
import { attach, silentLogger } from "../src";
import { closed, echoApp, fetchText, nextFrame, WsClients } from "@channels-ts/test-fixtures";

let host: Server | undefined;

afterEach(async () => {
  if (host !== undefined) {
    host.closeAllConnections();
    await new Promise((resolve) => host!.close(resolve));
  }
  host = undefined;
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const channelsApp = echoApp("channels:");

test("attach() takes upgrades on its paths and leaves the host's routes and other upgrades alone", async () => {
  using clients = new WsClients();
  host = createServer((_req, res) => res.end("host"));
  const hostWss = new WebSocketServer({ noServer: true });
  host.on("upgrade", (req, socket, head) => {
    if (req.url === "/host-ws") hostWss.handleUpgrade(req, socket, head, (ws) => ws.send("from host ws"));
    else socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
  });
  const handle = attach(host, channelsApp, { paths: ["/ws"], logger: silentLogger });
  const port = await listen(host);

  const ours = await clients.open(`ws://127.0.0.1:${port}/ws/room/1/`);
  const reply = nextFrame(ours);
  ours.send("hi");
  expect(await reply).toBe("channels:hi");

  const theirs = new WebSocket(`ws://127.0.0.1:${port}/host-ws`);
  expect(await nextFrame(theirs)).toBe("from host ws");
  theirs.terminate();

  expect((await fetchText(`http://127.0.0.1:${port}/ws/room/1/`)).body).toBe("host"); // http: false
  expect((await fetchText(`http://127.0.0.1:${port}/other`)).body).toBe("host");
  expect(await clients.refusal(`ws://127.0.0.1:${port}/wsx`)).toBe(400); // the host's listener answered

  const end = closed(ours);
  await handle.close();
  expect((await end).code).toBe(1001);
  expect(host.listenerCount("upgrade")).toBe(1); // the host's own listener, restored
  hostWss.close();
});

test("attach() with http: true serves HTTP on its paths and forwards the rest to the host", async () => {
  host = createServer((_req, res) => res.end("host"));
  const handle = attach(host, channelsApp, { paths: (p) => p.startsWith("/api/"), http: true, logger: silentLogger });
  const port = await listen(host);
  expect((await fetchText(`http://127.0.0.1:${port}/api/items`)).body).toBe("channels:/api/items");
  expect((await fetchText(`http://127.0.0.1:${port}/index.html`)).body).toBe("host");
  await handle.close();
  expect((await fetchText(`http://127.0.0.1:${port}/api/items`)).body).toBe("host");
});

test("an upgrade that no one claims is refused with 404 instead of hanging", async () => {
  using clients = new WsClients();
  host = createServer((_req, res) => res.end("host"));
  const handle = attach(host, channelsApp, { paths: ["/ws"], logger: silentLogger });
  const port = await listen(host);
  expect(await clients.refusal(`ws://127.0.0.1:${port}/elsewhere`)).toBe(404);
  await handle.close();
});

describe("each paths entry is a mount point: it is the scope's root_path, so routes are relative to it", () => {
  const rootOf: Application = async (scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    await receive(); // the client's first frame: it listens by then
    await send({ type: "websocket.send", text: `${String(scope.path)} root=${String(scope.root_path)}` });
  };

  test.each([
    [{ paths: ["/ws", "/live/"] }, "/ws/a/", "/ws/a/ root=/ws"],
    [{ paths: ["/ws", "/live/"] }, "/live/b/", "/live/b/ root=/live"],
    [{ paths: ["/app/ws"], rootPath: "/app" }, "/app/ws/c/", "/app/ws/c/ root=/app"], // an explicit rootPath wins
    [{ paths: ["/ws"], rootPath: "" }, "/ws/d/", "/ws/d/ root="],
    [{ paths: (p: string) => p.startsWith("/x"), rootPath: "/x" }, "/x/e/", "/x/e/ root=/x"], // a predicate has no prefix
    [{ paths: (p: string) => p.startsWith("/x") }, "/x/f/", "/x/f/ root="],
  ])("%j: %s", async (options, url, expected) => {
    using clients = new WsClients();
    host = createServer((_req, res) => res.end("host"));
    const handle = attach(host, rootOf, { ...options, logger: silentLogger });
    const port = await listen(host);
    const ws = await clients.open(`ws://127.0.0.1:${port}${url}`);
    const reply = nextFrame(ws);
    ws.send("?");
    expect(await reply).toBe(expected);
    await handle.close();
  });

  test("a rootPath that some paths are not under is rejected, naming both", () => {
    const server = createServer();
    expect(() => attach(server, channelsApp, { paths: ["/ws", "/api"], rootPath: "/ws" })).toThrow(
      'Options rootPath "/ws" and paths ["/api"] conflict',
    );
  });
});
