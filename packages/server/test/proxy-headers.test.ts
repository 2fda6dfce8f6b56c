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

test("with trustProxyHeaders, a loopback proxy's X-Forwarded-* set client (right-most untrusted entry) and scheme (http and websocket)", async () => {
  const { app, next } = capture();
  await using server = await startServer(app, { trustProxyHeaders: true });
  const httpScope = next();
  await fetchText(`${server.url}/`, { headers: forwarded });
  // 10.0.0.1 is no proxy of ours (only loopback is, by default): it is the client we can vouch for.
  expect(await httpScope).toMatchObject({ client: ["10.0.0.1", 4431], scheme: "https" });
  const wsScope = next();
  await server.openWs("/", undefined, { headers: forwarded });
  expect(await wsScope).toMatchObject({ client: ["10.0.0.1", 4431], scheme: "wss" });
});

test("entries of trusted proxies are skipped: the client is the right-most address not in trustedProxies", async () => {
  const { app, next } = capture();
  await using server = await startServer(app, { trustProxyHeaders: true, trustedProxies: ["127.0.0.1", "10.0.0.0/8"] });
  const scope = next();
  await fetchText(`${server.url}/`, {
    headers: { "X-Forwarded-For": "198.51.100.1, 203.0.113.7, 10.1.2.3, 10.0.0.1" },
  });
  // 198.51.100.1 is whatever 203.0.113.7 claimed; only 203.0.113.7 reached a proxy of ours.
  expect(await scope).toMatchObject({ client: ["203.0.113.7", 0] });
});

test('trustedProxies ["*"] trusts every peer and takes the left-most entry (uvicorn\'s *)', async () => {
  const { app, next } = capture();
  await using server = await startServer(app, { trustProxyHeaders: true, trustedProxies: ["*"] });
  const scope = next();
  await fetchText(`${server.url}/`, { headers: forwarded });
  expect(await scope).toMatchObject({ client: ["203.0.113.7", 4431], scheme: "https" });
});

test("X-Forwarded-* forged by a peer that is not a trusted proxy are ignored (http and websocket)", async () => {
  const { app, next } = capture();
  // The test client connects from 127.0.0.1, which this list does not name.
  await using server = await startServer(app, { trustProxyHeaders: true, trustedProxies: ["10.9.9.9", "fd00::/8"] });
  const httpScope = next();
  await fetchText(`${server.url}/`, { headers: forwarded });
  const h = await httpScope;
  expect(h.scheme).toBe("http");
  expect((h.client as [string, number])[0]).toBe("127.0.0.1");
  expect((h.client as [string, number])[1]).not.toBe(4431);
  const wsScope = next();
  await server.openWs("/", undefined, { headers: forwarded });
  const w = await wsScope;
  expect(w.scheme).toBe("ws");
  expect((w.client as [string, number])[0]).toBe("127.0.0.1");
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
