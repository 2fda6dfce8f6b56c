import { ChannelsClient, InvalidClientOption, NoWebSocket } from "@channels-ts/client";
import { WebSocket } from "ws";

test.each([
  [{ factor: 0.5 }, "factor"],
  [{ jitter: 2 }, "jitter"],
  [{ initialDelayMs: -1 }, "initialDelayMs"],
  [{ initialDelayMs: 1000, maxDelayMs: 10 }, "maxDelayMs"],
  [{ maxAttempts: 1.5 }, "maxAttempts"],
  [{ maxQueued: -1 }, "maxQueued"],
  [{ requestTimeoutMs: 0 }, "requestTimeoutMs"],
  [{ resetAfterMs: -1 }, "resetAfterMs"],
  [{ resetAfterMs: Infinity }, "resetAfterMs"],
])("an option that cannot work (%j) is refused, naming it", (options, name) => {
  const error = (() => {
    try {
      new ChannelsClient("ws://127.0.0.1:9/", { WebSocket, autoConnect: false, ...options });
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  expect(error).toBeInstanceOf(InvalidClientOption);
  expect(error).toMatchObject({ code: "INVALID_CLIENT_OPTION", option: name });
  expect((error as Error).message).toContain(name);
});

test("without a global WebSocket and without the option, the error says to pass one", () => {
  const global = globalThis as { WebSocket?: unknown };
  const saved = global.WebSocket;
  delete global.WebSocket;
  try {
    expect(() => new ChannelsClient("ws://127.0.0.1:9/")).toThrow(NoWebSocket);
    expect(() => new ChannelsClient("ws://127.0.0.1:9/")).toThrow(/import WebSocket from "ws"/);
  } finally {
    if (saved !== undefined) global.WebSocket = saved;
  }
});

test("a URL the WebSocket class refuses throws from the constructor", () => {
  expect(() => new ChannelsClient("not a url", { WebSocket })).toThrow();
});
