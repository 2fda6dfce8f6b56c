import { RouteNotFound, type Application } from "@channels-ts/core";
import { fetchText, recordingLogger, startServer } from "@channels-ts/test-fixtures";

const noRoutes: Application = async (scope) => {
  if (scope.type === "lifespan") return;
  throw new RouteNotFound(scope.path as string);
};

test("RouteNotFound answers HTTP 404 with one warning line and no stack trace", async () => {
  const logger = recordingLogger();
  await using server = await startServer(noRoutes, { logger });
  const reply = await fetchText(`${server.url}/nowhere/?q=1`);
  expect(reply.status).toBe(404);
  const warnings = logger.entries.filter((e) => e.level === "warn" || e.level === "error");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.level).toBe("warn");
  expect(warnings[0]!.msg).toContain("/nowhere/");
  expect(warnings[0]!.msg).not.toMatch(/\n\s+at /);
  expect(JSON.stringify(warnings[0]!.obj)).not.toContain("stack");
});

test("RouteNotFound refuses the WebSocket handshake with 404", async () => {
  const logger = recordingLogger();
  await using server = await startServer(noRoutes, { logger });
  expect(await server.refusal("/ws/nowhere/")).toBe(404);
  const warnings = logger.entries.filter((e) => e.level === "warn" || e.level === "error");
  expect(warnings.map((w) => w.level)).toEqual(["warn"]);
  expect(warnings[0]!.msg).toContain("/ws/nowhere/");
});

test("an error carrying code ROUTE_NOT_FOUND (another copy of core) is a 404 too", async () => {
  await using server = await startServer(async (scope) => {
    if (scope.type === "lifespan") return;
    throw Object.assign(new Error("no route"), { code: "ROUTE_NOT_FOUND" });
  });
  expect((await fetchText(`${server.url}/x`)).status).toBe(404);
});
