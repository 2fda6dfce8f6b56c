import { createServer } from "node:http";
import { attach, InvalidServerOption, serve, serverDefaults, silentLogger } from "../src";
import { resolveOptions } from "../src/options";

const app = async (): Promise<void> => undefined;

test("defaults are one literal, used for anything not given", () => {
  const resolved = resolveOptions({ maxPayload: 10 }, "serve");
  expect(resolved).toEqual({ ...serverDefaults, maxPayload: 10 });
  expect(serverDefaults).toMatchObject({
    host: "127.0.0.1",
    port: 8000,
    maxPayload: 1024 * 1024,
    maxQueuedMessages: 64,
    rootPath: "",
    trustProxyHeaders: false,
  });
});

test.each([
  [{ maxPayload: 0 }, "maxPayload", /positive integer.*got 0/],
  [{ port: 70000 }, "port", /0 to 65535.*got 70000/],
  [{ pingIntervalMs: -1 }, "pingIntervalMs", /integer >= 0/],
  [{ rootPath: "/app/" }, "rootPath", /not ending with "\/"/],
  [{ trustProxyHeaders: "yes" }, "trustProxyHeaders", /true or false.*"yes"/],
  [{ logger: console.log }, "logger", /info, warn, error and debug/],
  [{ maxPayLoad: 5 }, "maxPayLoad", /Unknown serve\(\) option maxPayLoad/],
  [{ maxQueuedMessages: 0 }, "maxQueuedMessages", /positive integer.*got 0/],
  [{ maxQueuedMessages: 1.5 }, "maxQueuedMessages", /positive integer.*got 1\.5/],
  [{ pingIntervalMs: 0, pongTimeoutMs: 10 }, "pongTimeoutMs", /pongTimeoutMs and pingIntervalMs: 0 conflict/],
])("serve() rejects %j naming the option", async (options, name, message) => {
  const attempt = serve(app, { logger: silentLogger, ...(options as object) });
  await expect(attempt).rejects.toBeInstanceOf(InvalidServerOption);
  await expect(attempt).rejects.toMatchObject({ option: name, code: "INVALID_SERVER_OPTION" });
  await expect(attempt).rejects.toThrow(message);
});

test("attach() rejects host, port and lifespan, and checks its own options", () => {
  const server = createServer();
  expect(() => attach(server, app, { port: 1 } as object)).toThrow(/attach\(\) does not take option port/);
  expect(() => attach(server, app, { lifespan: "on" } as object)).toThrow(/does not take option lifespan/);
  expect(() => attach(server, app, { paths: ["ws"] })).toThrow(/Invalid option paths/);
  expect(() => attach(server, app, { http: 1 } as object)).toThrow(/Invalid option http/);
  expect(server.listenerCount("upgrade")).toBe(0); // nothing was wired before the error
});
