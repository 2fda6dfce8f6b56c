import { request } from "node:http";
import { InMemoryChannelLayer, channelLayers, type ChannelLayer } from "@channels-ts/core";
import { serve, silentLogger } from "@channels-ts/server";
import WebSocket from "ws";
import { application } from "../src/application";

let layer: InMemoryChannelLayer;
let previous: ChannelLayer | undefined;
let server: Awaited<ReturnType<typeof serve>>;
const clients: WebSocket[] = [];

beforeAll(async () => {
  layer = new InMemoryChannelLayer();
  previous = channelLayers.set("default", layer);
  server = await serve(application, { host: "127.0.0.1", port: 0, logger: silentLogger, pingIntervalMs: 0 });
});
afterAll(async () => {
  for (const ws of clients) ws.terminate();
  await server.close();
  channelLayers.set("default", previous);
  await layer.close();
});

function url(path: string): string {
  return `ws://127.0.0.1:${server.address.port}${path}`;
}

function open(path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url(path));
    clients.push(ws);
    ws.on("error", () => undefined);
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`refused ${String(res.statusCode)}`)));
  });
}

function next(ws: WebSocket): Promise<{ data: Buffer; binary: boolean }> {
  return new Promise((resolve) => ws.once("message", (data, binary) => resolve({ data: data as Buffer, binary })));
}

function status(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port: server.address.port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}

describe("the chat over real sockets", () => {
  it("relays text and binary frames to every member of the room; the room survives a binary frame", async () => {
    const [a, b] = [await open("/room/net/"), await open("/room/net/")];
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
    expect(a.readyState).toBe(WebSocket.OPEN);
  });

  it("answers 404 for unknown paths, over HTTP and for a handshake", async () => {
    expect(await status("/nope")).toBe(404);
    expect(await status("/?num=1")).toBe(200);
    await expect(open("/nope/")).rejects.toThrow("refused 404");
  });

  it("refuses at the handshake a room name the layer cannot take", async () => {
    await expect(open(`/room/${encodeURIComponent("中文")}/`)).rejects.toThrow("refused 403");
    await expect(open(`/room/${"x".repeat(150)}/`)).rejects.toThrow("refused 403");
  });
});
