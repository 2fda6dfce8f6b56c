import { echoApp } from "../src/echo-app";
import { Refused } from "../src/open-socket";
import { startServer } from "../src/test-server";
import { TextClient } from "../src/text-client";

test("records text and binary frames; next() finds a message already received or to come", async () => {
  await using server = await startServer(echoApp());
  await using client = await TextClient.open(server.wsUrl("/"), { label: "A" });
  client.send("one");
  expect(await client.next(/^echo:/)).toBe("echo:one");
  client.socket.send(Buffer.from([1, 2, 3]));
  client.send("two");
  expect(await client.next("echo:two")).toBe("echo:two");
  expect(client.received).toEqual(["echo:one", "<3 bytes>", "echo:two"]);
  expect(await client.next("echo:one")).toBe("echo:one");
});

test("a wait that runs out names the client, what it waited for and what came", async () => {
  await using server = await startServer(echoApp());
  await using client = await TextClient.open(server.wsUrl("/"), { label: "A" });
  client.send("one");
  await client.next("echo:one");
  await expect(client.next("nothing", 50)).rejects.toThrow(
    'A did not receive "nothing" (after 50 ms); received ["echo:one"]',
  );
  expect(await client.within((received) => received.length > 1, 50)).toBe(false);
});

test("close() and closedBy() give the close code; a refused handshake is Refused with its status", async () => {
  await using server = await startServer(echoApp());
  const client = await TextClient.open(server.wsUrl("/"));
  expect(await client.closedBy(20)).toBeUndefined();
  expect(await client.close()).toBe(1000);
  expect(client.isOpen).toBe(false);
  await using refusing = await startServer(async () => {}); // an application that never accepts
  await expect(TextClient.open(refusing.wsUrl("/"))).rejects.toBeInstanceOf(Refused);
});
