import { closed, useProcesses, WsClients } from "@channels-ts/test-fixtures";
import { CHAT_OPEN, spawnChat } from "./support/chat-process";

const processes = useProcesses();

test("npm start with MAX_CONNECTIONS_PER_ADDRESS and MAX_MESSAGES_PER_SECOND: one more WebSocket gets 503, a flooding client is closed with 1008, the room carries on", async () => {
  using clients = new WsClients();
  const chat = spawnChat(processes, "chat (limits)", {
    MAX_CONNECTIONS_PER_ADDRESS: "2",
    MAX_MESSAGES_PER_SECOND: "5",
  });
  const [, port] = await chat.waitFor(CHAT_OPEN);
  const url = `ws://127.0.0.1:${port}/room/limits/`;
  const flooder = await clients.open(url);
  const listener = await clients.open(url);
  await expect(clients.open(url)).rejects.toMatchObject({ status: 503 });
  await chat.waitFor(/"WSREJECT \/room\/limits\/" 503 -/);
  // The burst (the server's default 500) then the rate: 600 at once is past it.
  const flooderClosed = closed(flooder);
  for (let i = 0; i < 600; i++) flooder.send(`m${i}`);
  expect(await flooderClosed).toEqual({ code: 1008, reason: "rate limited" });
  await chat.waitFor(/server: dropped 1 rate limited/);
  // The listener still talks in the room.
  const echoed = new Promise<string>((resolve) =>
    listener.on("message", (data) => {
      if (String(data) === "still here") resolve(String(data));
    }),
  );
  listener.send("still here");
  expect(await echoed).toBe("still here");
});
