import { ProtocolError, type Application } from "@channels-ts/core";
import type { Logger } from "../src";
import { closeAll, closed, nextFrame, openWs, start, terminateClients, wsUrl } from "./helpers";

afterEach(async () => {
  terminateClients();
  await closeAll();
});

/** Accepts, then on the first frame throws a ChannelsError (ProtocolError) carrying the close code named by the path. */
const app: Application = async (scope, receive, send) => {
  if (scope.type !== "websocket") return;
  await receive();
  await send({ type: "websocket.accept" });
  for (;;) {
    const message = await receive();
    if (message.type === "websocket.disconnect") return;
    if (scope.path === "/echo") {
      await send({ type: "websocket.send", text: `echo:${String(message.text)}` });
      continue;
    }
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
      const server = await start(app);
      const live = await openWs(wsUrl(server, "/echo"));
      const doomed = await openWs(wsUrl(server, `/${code}`));
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
  const server = await start(app);
  const ws = await openWs(wsUrl(server, "/4003"));
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
    const server = await start(app, { logger: throwing });
    const live = await openWs(wsUrl(server, "/echo"));
    const doomed = await openWs(wsUrl(server, "/4003"));
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
