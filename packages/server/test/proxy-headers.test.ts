import type { Application, Scope } from "@channels-ts/core";
import { deferred, fetchText, startServer } from "@channels-ts/test-fixtures";

function capture(): { app: Application; scopes: Scope[]; next: () => Promise<Scope> } {
  const scopes: Scope[] = [];
  let waiting = deferred<Scope>();
  const app: Application = async (scope, receive, send) => {
    if (scope.type === "lifespan") return;
    scopes.push(scope);
    waiting.resolve(scope);
    if (scope.type === "http") {
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: Buffer.from("ok") });
    } else {
      await receive();
      await send({ type: "websocket.accept" });
    }
  };
  return {
    app,
    scopes,
    next: () => {
      const p = waiting.promise;
      return p.then((s) => {
        waiting = deferred<Scope>();
        return s;
      });
    },
  };
}

const forwarded = {
  "X-Forwarded-For": "203.0.113.7, 10.0.0.1",
  "X-Forwarded-Proto": "https",
  "X-Forwarded-Port": "4431",
};

test("with trustProxyHeaders, X-Forwarded-* set client and scheme (http and websocket)", async () => {
  const { app, next } = capture();
  await using server = await startServer(app, { trustProxyHeaders: true });
  const httpScope = next();
  await fetchText(`${server.url}/`, { headers: forwarded });
  expect(await httpScope).toMatchObject({ client: ["203.0.113.7", 4431], scheme: "https" });
  const wsScope = next();
  await server.openWs("/", undefined, { headers: forwarded });
  expect(await wsScope).toMatchObject({ client: ["203.0.113.7", 4431], scheme: "wss" });
});

test("without trustProxyHeaders, X-Forwarded-* are ignored", async () => {
  const { app, next } = capture();
  await using server = await startServer(app);
  const httpScope = next();
  await fetchText(`${server.url}/`, { headers: forwarded });
  const s = await httpScope;
  expect(s.scheme).toBe("http");
  expect((s.client as [string, number])[0]).toMatch(/127\.0\.0\.1$/);
});
