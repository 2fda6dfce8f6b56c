import { InMemoryChannelLayer, WebsocketConsumer, type ChannelLayer, type LayerStats } from "@channels-ts/core";
import { fetchText, installChannelLayer, nextFrame, startServer } from "@channels-ts/test-fixtures";

/** Every sample of a Prometheus text exposition: `name{labels} value`, by `name{labels}`. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    samples.set(match[1] as string, Number(match[2]));
  }
  return samples;
}

class Room extends WebsocketConsumer {
  override groups = ["room"];
  override async receive(text?: string): Promise<void> {
    if (text === "unknown") await this.groupSend("room", { type: "no.such.handler" });
    else await this.groupSend("room", { type: "chat.message", text: text ?? "" });
  }
  async chat_message(message: { text: string }): Promise<void> {
    await this.send(message.text);
  }
}

describe("metricsPath", () => {
  it("is off by default: the path goes to the application", async () => {
    await using server = await startServer(async (scope, _receive, send) => {
      if (scope.type !== "http") return;
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: Buffer.from("the app's own /metrics") });
    });
    expect(server.metrics).toBeUndefined();
    expect((await fetchText(`${server.url}/metrics`)).body).toBe("the app's own /metrics");
  });

  it("serves every channels_ metric in the Prometheus text format, read on scrape", async () => {
    await using installed = installChannelLayer(new InMemoryChannelLayer());
    await using server = await startServer(Room.asApp(), { metricsPath: "/metrics" });
    const alice = await server.openWs("/");
    const bob = await server.openWs("/");
    // Wait until both have joined: a message from one reaches both.
    const frames = Promise.all([nextFrame(alice), nextFrame(bob)]);
    alice.send("hello");
    expect(await frames).toEqual(["hello", "hello"]);

    const reply = await fetchText(`${server.url}/metrics`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseExposition(reply.body);
    expect(samples.get('channels_connections_open{protocol="websocket"}')).toBe(2);
    // The scrape itself is answered before the application: it is no HTTP request of the app's.
    expect(samples.get('channels_connections_open{protocol="http"}')).toBe(0);
    expect(samples.get('channels_connections_total{protocol="websocket"}')).toBe(2);
    expect(samples.get('channels_connections_total{protocol="http"}')).toBe(0);
    expect(samples.get("channels_messages_received_total")).toBe(1);
    expect(samples.get("channels_messages_sent_total")).toBe(2);
    expect(samples.get("channels_queued_bytes")).toBeGreaterThanOrEqual(0);
    expect(samples.get('channels_layer_channels{alias="default"}')).toBe(installed.layer.stats().channels);
    expect(samples.get('channels_layer_groups{alias="default"}')).toBe(1);
    expect(samples.get('channels_layer_up{alias="default"}')).toBe(1);
    // One receive and two chat_message handlers ran, at least (connect handlers too).
    expect(samples.get("channels_handler_duration_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(samples.get('channels_handler_duration_seconds_bucket{le="+Inf"}')).toBe(
      samples.get("channels_handler_duration_seconds_count"),
    );
    expect(reply.body).toContain("# TYPE channels_dropped_total counter");
  });

  it("counts drops by reason and origin: a message no handler takes is 'no handler' from the consumer", async () => {
    await using _installed = installChannelLayer(new InMemoryChannelLayer());
    await using server = await startServer(Room.asApp(), { metricsPath: "/metrics" });
    const scrape = async (): Promise<number> =>
      parseExposition((await fetchText(`${server.url}/metrics`)).body).get(
        'channels_dropped_total{reason="no handler",origin="consumer"}',
      ) ?? 0;
    const before = await scrape();
    const ws = await server.openWs("/");
    const closedWith = new Promise<number>((resolve) => ws.once("close", resolve));
    ws.send("unknown");
    expect(await closedWith).toBe(1011);
    expect(await scrape()).toBe(before + 1);
  });

  it("reports a layer that is down as 0, with no round trip, and a layer's PING time while it is up", async () => {
    let up = true;
    const layer = Object.assign(new InMemoryChannelLayer(), {
      stats: (): LayerStats => ({ channels: 3, groups: 2, up }),
      ping: (): Promise<number> => Promise.resolve(0.0042),
    }) as ChannelLayer;
    await using _installed = installChannelLayer(layer, "redis");
    await using server = await startServer(Room.asApp(), { metricsPath: "/m", layerAliases: ["redis", "absent"] });
    let samples = parseExposition((await fetchText(`${server.url}/m`)).body);
    expect(samples.get('channels_layer_up{alias="redis"}')).toBe(1);
    expect(samples.get('channels_layer_round_trip_seconds{alias="redis"}')).toBe(0.0042);
    expect(samples.get('channels_layer_channels{alias="redis"}')).toBe(3);
    expect(samples.has('channels_layer_up{alias="absent"}')).toBe(false); // not configured: not reported
    up = false;
    samples = parseExposition((await fetchText(`${server.url}/m`)).body);
    expect(samples.get('channels_layer_up{alias="redis"}')).toBe(0);
    expect(samples.has('channels_layer_round_trip_seconds{alias="redis"}')).toBe(false);
  });

  it("rejects a bad path and two probes on one path, by name", async () => {
    await expect(startServer(Room.asApp(), { metricsPath: "metrics" })).rejects.toThrow(/metricsPath/);
    await expect(startServer(Room.asApp(), { metricsPath: "/x", readyzPath: "/x" })).rejects.toThrow(
      /metricsPath and readyzPath conflict/,
    );
    await expect(startServer(Room.asApp(), { layerAliases: "default" as never })).rejects.toThrow(/layerAliases/);
  });
});
