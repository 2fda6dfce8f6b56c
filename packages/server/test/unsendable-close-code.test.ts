import { ProtocolError, type Application } from "@channels-ts/core";
import type { Logger } from "../src";
import { closed, echoApp, nextFrame, startServer } from "@channels-ts/test-fixtures";

/** `/echo` echoes; any other path accepts, then on the first frame throws a ChannelsError (ProtocolError) carrying the close code it names. */
const echo = echoApp();
const app: Application = async (scope, receive, send) => {
  if (scope.type !== "websocket") return;
  if (scope.path === "/echo") return echo(scope, receive, send);
  await receive();
  await send({ type: "websocket.accept" });
  for (;;) {
    const message = await receive();
    if (message.type === "websocket.disconnect") return;
    throw new ProtocolError("bad thing", Number(String(scope.path).slice(1)));
  }
};

function watchUnhandled(): { calls: unknown[]; stop(): void } {
  const calls: unknown[] = [];
  const listener = (reason: unknown): void => void calls.push(reason);
  process.on("unhandledRejection", listener);
  return { calls, stop: () => process.off("unhandledRejection", listener) };
}

test.each([1005, 1006, 1015, 999, 5000, 1004])(
  "an application error carrying close code %i, which may not be sent, closes with 1011 and the server carries on",
  async (code) => {
    const unhandled = watchUnhandled();
    try {
      await using server = await startServer(app);
      const live = await server.openWs("/echo");
      const doomed = await server.openWs(`/${code}`);
      const end = closed(doomed);
      doomed.send("trigger");
      expect((await end).code).toBe(1011);
      const reply = nextFrame(live);
      live.send("still here");
      expect(await reply).toBe("echo:still here");
      expect(unhandled.calls).toEqual([]);
    } finally {
      unhandled.stop();
    }
  },
);

test("an application error carrying a sendable close code closes with that code", async () => {
  await using server = await startServer(app);
  const ws = await server.openWs("/4003");
  const end = closed(ws);
  ws.send("trigger");
  expect((await end).code).toBe(4003);
});

test("a logger that throws while an application error is handled drops that connection, not the process", async () => {
  const unhandled = watchUnhandled();
  const throwing: Logger = {
    info: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    error: () => {
      throw new Error("log sink is down");
    },
  };
  try {
    await using server = await startServer(app, { logger: throwing });
    const live = await server.openWs("/echo");
    const doomed = await server.openWs("/4003");
    const end = closed(doomed);
    doomed.send("trigger");
    expect((await end).code).toBe(1006);
    const reply = nextFrame(live);
    live.send("still here");
    expect(await reply).toBe("echo:still here");
    expect(unhandled.calls).toEqual([]);
  } finally {
    unhandled.stop();
  }
});
