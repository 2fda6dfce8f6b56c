import { WebsocketCommunicator } from "@channels-ts/core";
import { useChannelLayer, useProcesses } from "@channels-ts/test-fixtures";
import { startExample } from "./support/example-process";
import { AppStreams, application } from "../docs/multiplexing/streams";

describe("docs/multiplexing.md, in-process", () => {
  useChannelLayer();

  it("echo answers on its stream; chat reaches every socket in the lobby; an unknown stream gets 4404", async () => {
    const ada = new WebsocketCommunicator(application, "/ws/");
    const bob = new WebsocketCommunicator(application, "/ws/");
    await ada.connect();
    await bob.connect();
    await ada.sendJsonTo({ stream: "echo", payload: { hello: "world" } });
    expect(await ada.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: { hello: "world" } } });
    await ada.sendJsonTo({ stream: "chat", payload: { text: "hi, lobby" } });
    for (const socket of [ada, bob]) {
      expect(await socket.receiveJsonFrom()).toEqual({ stream: "chat", payload: { text: "hi, lobby" } });
    }
    expect(await bob.receiveNothing()).toBe(true);
    await bob.sendJsonTo({ stream: "weather", payload: {} });
    expect(await bob.receiveJsonFrom()).toEqual({ stream: "weather", close: { code: 4404, reason: "unknown stream" } });
    await ada.disconnect();
    await bob.disconnect();
  });

  it("the subclass refuses a banned socket before any stream connects, and logs the socket's close", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const refused = new WebsocketCommunicator(AppStreams.asApp(), "/ws/?banned=1");
      expect((await refused.connect()).connected).toBe(false);
      await refused.disconnect(1006);
      const ws = new WebsocketCommunicator(AppStreams.asApp(), "/ws/");
      expect((await ws.connect()).connected).toBe(true);
      await ws.sendJsonTo({ stream: "echo", payload: 1 });
      expect(await ws.receiveJsonFrom()).toEqual({ stream: "echo", payload: { echo: 1 } });
      await ws.disconnect(1001);
      expect(log.mock.calls).toEqual([["socket closed with 1006"], ["socket closed with 1001"]]);
    } finally {
      log.mockRestore();
    }
  });
});

describe("docs/multiplexing.md: the server and the Node client", () => {
  const processes = useProcesses();

  it("the client prints the echo, the chat message and the 4404 for the unknown stream, then exits", async () => {
    const server = startExample(processes, "examples/docs/multiplexing/main.ts");
    const [, port] = (await server.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/)) as [string, string];
    const client = startExample(processes, "examples/docs/multiplexing/client.ts", { PORT: port });
    expect((await client.exited).code).toBe(0);
    expect(client.stdout.trim().split("\n").sort()).toEqual([
      '{"stream":"chat","payload":{"text":"hi, lobby"}}',
      '{"stream":"echo","payload":{"echo":{"hello":"world"}}}',
      '{"stream":"weather","close":{"code":4404,"reason":"unknown stream"}}',
    ]);
  });
});
