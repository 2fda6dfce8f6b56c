import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InMemoryChannelLayer, type Application, type ChannelLayer, type LayerStats } from "@channels-ts/core";
import { attach, silentLogger } from "@channels-ts/server";
import {
  deferred,
  echoApp,
  fetchText,
  installChannelLayer,
  recordingLogger,
  startServer,
} from "@channels-ts/test-fixtures";

const probes = { healthzPath: "/healthz", readyzPath: "/readyz" } as const;

describe("healthzPath and readyzPath", () => {
  it("are off by default: the application gets those paths", async () => {
    await using server = await startServer(echoApp());
    expect((await fetchText(`${server.url}/healthz`)).body).toBe("echo:/healthz");
    expect((await fetchText(`${server.url}/readyz`)).body).toBe("echo:/readyz");
  });

  it("answer 200 before the application, GET and HEAD only, and say once that they shadow its routes", async () => {
    const logger = recordingLogger();
    await using _layer = installChannelLayer(new InMemoryChannelLayer());
    await using server = await startServer(echoApp(), { ...probes, logger });
    expect(await fetchText(`${server.url}/healthz`)).toMatchObject({ status: 200, body: "ok\n" });
    expect(await fetchText(`${server.url}/readyz?verbose=1`)).toMatchObject({ status: 200, body: "ready\n" });
    expect(await fetchText(`${server.url}/readyz`, { method: "HEAD" })).toMatchObject({ status: 200, body: "" });
    const post = await fetchText(`${server.url}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect((await fetchText(`${server.url}/other`)).body).toBe("echo:/other");
    expect(logger.entries.filter((e) => e.msg.includes("before the application"))).toEqual([
      expect.objectContaining({ level: "info", msg: expect.stringContaining("/healthz, /readyz") as string }),
    ]);
  });

  it("readiness is 503 while a channel layer of layerAliases is down, and 200 again once it is up", async () => {
    let up = true;
    const layer = Object.assign(new InMemoryChannelLayer(), {
      stats: (): LayerStats => ({ channels: 0, groups: 0, up }),
    }) as ChannelLayer;
    await using _layer = installChannelLayer(layer);
    await using server = await startServer(echoApp(), probes);
    expect((await fetchText(`${server.url}/readyz`)).status).toBe(200);
    up = false;
    expect(await fetchText(`${server.url}/readyz`)).toMatchObject({
      status: 503,
      body: 'not ready: channel layer "default" is down\n',
    });
    expect((await fetchText(`${server.url}/healthz`)).status).toBe(200); // alive all the same
    up = true;
    expect((await fetchText(`${server.url}/readyz`)).status).toBe(200);
  });

  it("readiness drops first on shutdown: 503 while the connections drain, the server still listening", async () => {
    const disconnected = deferred();
    const finish = deferred();
    const app: Application = async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.accept" });
      while ((await receive()).type !== "websocket.disconnect");
      disconnected.resolve();
      await finish.promise; // a disconnect handler that takes its time
    };
    await using server = await startServer(app, { ...probes, applicationCloseTimeoutMs: 10_000 });
    const ws = await server.openWs("/");
    const wsClosed = new Promise<number>((resolve) => ws.once("close", resolve));
    expect((await fetchText(`${server.url}/readyz`)).status).toBe(200);
    const closing = server.close();
    expect(await fetchText(`${server.url}/readyz`)).toMatchObject({ status: 503, body: "not ready: shutting down\n" });
    expect(await wsClosed).toBe(1001);
    await disconnected.promise;
    expect((await fetchText(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetchText(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetchText(`${server.url}/anything`)).status).toBe(503); // the app gets nothing new
    finish.resolve();
    await closing;
    expect(server.server.listening).toBe(false);
  });

  it("attach() answers them on the host server whatever paths and http say, the host keeps the rest", async () => {
    const host: Server = createServer((_req, res) => res.end("host"));
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    const channels = attach(host, echoApp(), { paths: ["/ws"], logger: silentLogger, ...probes, metricsPath: "/m" });
    try {
      expect(await fetchText(`${url}/healthz`)).toMatchObject({ status: 200, body: "ok\n" });
      expect((await fetchText(`${url}/readyz`)).status).toBe(200);
      expect((await fetchText(`${url}/m`)).body).toContain("channels_connections_open");
      expect(channels.metrics).toBeDefined();
      expect((await fetchText(`${url}/other`)).body).toBe("host");
    } finally {
      await channels.close();
    }
    // Detached: the host server has every path back.
    expect((await fetchText(`${url}/healthz`)).body).toBe("host");
    await new Promise<void>((resolve) => host.close(() => resolve()));
  });
});
