import WebSocket from "ws";
import type { Application } from "@channels-ts/core";
import { attach, serve, InvalidServerOption, type Logger } from "@channels-ts/server";
import { startServer } from "@channels-ts/test-fixtures";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** Accepts every WebSocket and counts the scopes it saw: a refused handshake must never get here. */
function countingApp(): { app: Application; seen: () => number } {
  let seen = 0;
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "websocket") return;
    seen++;
    await receive();
    await send({ type: "websocket.accept" });
    for (;;) {
      const event = await receive();
      if (event.type === "websocket.disconnect") return;
      if (event.type === "websocket.receive") await send({ type: "websocket.send", text: String(event.text) });
    }
  };
  return { app, seen: () => seen };
}

/** Opens with the given headers; resolves "open" or the refusal's HTTP status. */
function handshake(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("unexpected-response", (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", reject);
  });
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = (): void => undefined;
  return { warnings, info: ignore, debug: ignore, error: ignore, warn: (line: string) => warnings.push(line) };
}

describe("Origin is checked by default (cross-site WebSocket hijacking)", () => {
  it("refuses a cross-site handshake with 403 before the application runs, logs it, and serves the others", async () => {
    const { app, seen } = countingApp();
    const logger = recordingLogger();
    await using server = await startServer(app, { logger });
    const talker = await server.openWs("/");
    const echoed = new Promise<string>((resolve) => talker.once("message", (data: Buffer) => resolve(data.toString())));

    expect(await handshake(server.wsUrl("/"), { Origin: "http://evil.example.com" })).toBe(403);
    expect(seen()).toBe(1); // only the talker
    expect(logger.warnings.join("\n")).toContain('"http://evil.example.com"');

    talker.send("still here");
    expect(await echoed).toBe("still here");
  });

  it("accepts the request's own host, a handshake without Origin, and a configured allowed origin", async () => {
    const { app } = countingApp();
    await using server = await startServer(app, { allowedOrigins: [".example.org"] });
    const port = server.address.port;
    expect(await handshake(server.wsUrl("/"), { Origin: `http://127.0.0.1:${port}` })).toBe("open");
    expect(await handshake(server.wsUrl("/"), {})).toBe("open");
    expect(await handshake(server.wsUrl("/"), { Origin: "https://chat.example.org" })).toBe("open");
    // Same host name, another port: another origin.
    expect(await handshake(server.wsUrl("/"), { Origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
    expect(await handshake(server.wsUrl("/"), { Origin: "null" })).toBe(403);
  });

  it("a Host without a port allows the default ports only, and refusals still untold are said at shutdown", async () => {
    const { app } = countingApp();
    const logger = recordingLogger();
    const server = await startServer(app, { logger });
    try {
      const url = server.wsUrl("/");
      expect(await handshake(url, { Host: "example.com", Origin: "https://example.com" })).toBe("open");
      expect(await handshake(url, { Host: "example.com", Origin: "http://example.com" })).toBe("open");
      expect(await handshake(url, { Host: "example.com", Origin: "http://example.com:9999" })).toBe(403);
      // The first refusal of the interval was said at once; the next one waits for the interval or shutdown.
      expect(await handshake(url, { Host: "example.com", Origin: "http://example.com:9998" })).toBe(403);
      expect(logger.warnings.filter((line) => line.includes("cross-site"))).toHaveLength(1);
    } finally {
      await server[Symbol.asyncDispose]();
    }
    const lines = logger.warnings.filter((line) => line.includes("cross-site"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      'refused 1 cross-site WebSocket handshake(s) (403), latest Origin "http://example.com:9998"',
    );
    expect(lines[1]).toContain("--allowed-origins");
  });

  it("checkOrigin: false turns the check off", async () => {
    const { app } = countingApp();
    await using server = await startServer(app, { checkOrigin: false });
    expect(await handshake(server.wsUrl("/"), { Origin: "http://evil.example.com" })).toBe("open");
  });

  it("attach() checks Origin too", async () => {
    const { app, seen } = countingApp();
    const host = createServer();
    const attached = attach(host, app, { logger: recordingLogger() });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    try {
      const url = `ws://127.0.0.1:${(host.address() as AddressInfo).port}/`;
      expect(await handshake(url, { Origin: "http://evil.example.com" })).toBe(403);
      expect(seen()).toBe(0);
    } finally {
      await attached.close();
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it("rejects a malformed allowed origin by name", async () => {
    const { app } = countingApp();
    const started = serve(app, { host: "127.0.0.1", port: 0, allowedOrigins: ["*.example.com"] });
    await expect(started).rejects.toThrow(InvalidServerOption);
    await expect(started).rejects.toThrow(/allowedOrigins/);
  });
});
