import type { Application, Message } from "@channels-ts/core";
import { serve, silentLogger, LifespanStartupFailed } from "../src";
import { fetchText, startServer } from "@channels-ts/test-fixtures";

test("lifespan.startup is answered before the server listens, and lifespan.shutdown runs on close", async () => {
  const events: string[] = [];
  const app: Application = async (scope, receive, send) => {
    if (scope.type === "lifespan") {
      for (;;) {
        const message: Message = await receive();
        events.push(message.type);
        if (message.type === "lifespan.startup") await send({ type: "lifespan.startup.complete" });
        if (message.type === "lifespan.shutdown") {
          await send({ type: "lifespan.shutdown.complete" });
          return;
        }
      }
    }
    events.push(`request ${String(scope.path)}`);
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("up") });
  };
  const server = await serve(app, { port: 0, logger: silentLogger });
  expect(events).toEqual(["lifespan.startup"]);
  expect((await fetchText(`${server.url}/x`)).body).toBe("up");
  await server.close();
  expect(events).toEqual(["lifespan.startup", "request /x", "lifespan.shutdown"]);
});

test("lifespan.startup.failed makes serve() reject with its message, without listening", async () => {
  const app: Application = async (scope, receive, send) => {
    if (scope.type !== "lifespan") return;
    await receive();
    await send({ type: "lifespan.startup.failed", message: "database unreachable" });
  };
  const attempt = serve(app, { port: 0, logger: silentLogger });
  await expect(attempt).rejects.toBeInstanceOf(LifespanStartupFailed);
  await expect(attempt).rejects.toThrow("database unreachable");
});

test("an application that throws on the lifespan scope is served without lifespan", async () => {
  await using server = await startServer(async (scope, _receive, send) => {
    if (scope.type !== "http") throw new Error(`no application for ${scope.type}`);
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: Buffer.from("still served") });
  });
  expect((await fetchText(`${server.url}/`)).body).toBe("still served");
});

test('with lifespan "on", an application without lifespan support fails to start', async () => {
  const app: Application = async (scope) => {
    if (scope.type === "lifespan") throw new Error("unsupported");
  };
  await expect(serve(app, { port: 0, logger: silentLogger, lifespan: "on" })).rejects.toThrow(/does not support it/);
});

test('with lifespan "off", the application never sees a lifespan scope', async () => {
  const types: string[] = [];
  await using server = await startServer(
    async (scope, _receive, send) => {
      types.push(scope.type);
      await send({ type: "http.response.start", status: 204, headers: [] });
      await send({ type: "http.response.body" });
    },
    { lifespan: "off" },
  );
  await fetchText(`${server.url}/`);
  expect(types).toEqual(["http"]);
});
