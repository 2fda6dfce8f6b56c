import { useProcesses, WsClients } from "@channels-ts/test-fixtures";
import { CHAT_OPEN, spawnChat } from "./support/chat-process";

const processes = useProcesses();

test("npm start refuses a cross-site WebSocket handshake with 403 before the chat sees it, and logs it", async () => {
  using clients = new WsClients();
  const chat = spawnChat(processes, "chat (origin check)", {});
  const [, port] = await chat.waitFor(CHAT_OPEN);
  const url = `ws://127.0.0.1:${port}/room/origins/`;
  await expect(clients.open(url, [], { origin: "http://evil.example.com" })).rejects.toMatchObject({ status: 403 });
  await chat.waitFor(/"WSREJECT \/room\/origins\/" 403 -/);
  // The page's own origin, and a client that sends none (not a browser), get in.
  await expect(clients.open(url, [], { origin: `http://127.0.0.1:${port}` })).resolves.toBeDefined();
  await expect(clients.open(url)).resolves.toBeDefined();
});

test("ALLOWED_ORIGINS lets the listed origins in, and only them", async () => {
  using clients = new WsClients();
  const chat = spawnChat(processes, "chat (allowed origins)", { ALLOWED_ORIGINS: "app.example.com" });
  const [, port] = await chat.waitFor(CHAT_OPEN);
  const url = `ws://127.0.0.1:${port}/room/origins/`;
  await expect(clients.open(url, [], { origin: "https://app.example.com" })).resolves.toBeDefined();
  await expect(clients.open(url, [], { origin: "http://evil.example.com" })).rejects.toMatchObject({ status: 403 });
});
