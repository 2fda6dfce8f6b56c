import { execFile } from "node:child_process";
import { join } from "node:path";
import { REDIS_SERVER, useProcesses, useRedisServer, type TextClient } from "@channels-ts/test-fixtures";
import { startChat, type RedisLayerKind, type RunningServer } from "./support/chat-process";
import { djangoEnv, startDaphne } from "./support/daphne-process";
import { DJANGO_PYTHON, DJANGO_PYTHON_MISSING } from "./support/django-python";
import { chatMessages, joinRoom, talkInRooms } from "./support/room-client";
import { warnSkipped } from "./support/warn-skipped";

const SUITE = "the chat beside the tutorial's Django Channels app";
const why =
  REDIS_SERVER === undefined
    ? "redis-server is not on PATH (Debian: apt-get install redis-server)"
    : DJANGO_PYTHON === undefined
      ? DJANGO_PYTHON_MISSING
      : undefined;
if (why !== undefined) warnSkipped(SUITE, why);
const describeBeside = why === undefined ? describe : describe.skip;

const LAYERS: RedisLayerKind[] = ["redis", "redis-pubsub"];

/** Sends one group message from a short-lived Python process using the Django project's layer. */
function pythonGroupSend(layer: RedisLayerKind, redisUrl: string, room: string, text: string): Promise<void> {
  const script = join(__dirname, "support", "group_send.py");
  return new Promise<void>((resolve, reject) => {
    execFile(
      DJANGO_PYTHON as string,
      [script, room, text],
      { env: { ...process.env, ...djangoEnv(layer, redisUrl) }, timeout: 10_000 },
      (error, _stdout, stderr) =>
        error === null ? resolve() : reject(new Error(`group_send.py failed: ${error.message}\n${stderr}`)),
    );
  });
}

describeBeside(SUITE, () => {
  describe.each(LAYERS)("CHANNEL_LAYER=%s on both sides", (layer) => {
    let chat: RunningServer;
    let daphne: RunningServer;
    const clients: TextClient[] = [];
    let room: TextClient[];
    let elsewhere: TextClient[];

    // Declared in the order of teardown (Jest runs afterAll hooks in declaration order): the
    // clients, then the chat and daphne (whichever started, even if beforeAll failed half-way), then their Redis.
    afterAll(() => Promise.all(clients.map((client) => client.close())));
    const processes = useProcesses("all");
    const redis = useRedisServer();

    beforeAll(async () => {
      // Both start at once; whichever started is kept for afterAll even if the other failed.
      const [chatStarted, daphneStarted] = await Promise.allSettled([
        startChat(processes, layer, redis.url),
        startDaphne(processes, layer, redis.url),
      ]);
      if (chatStarted.status === "fulfilled") chat = chatStarted.value;
      if (daphneStarted.status === "fulfilled") daphne = daphneStarted.value;
      if (chatStarted.status === "rejected") throw chatStarted.reason;
      if (daphneStarted.status === "rejected") throw daphneStarted.reason;
      room = await Promise.all([
        joinRoom(chat.port, "7", "TS1"),
        joinRoom(chat.port, "7", "TS2"),
        joinRoom(daphne.port, "7", "PY1"),
        joinRoom(daphne.port, "7", "PY2"),
      ]);
      elsewhere = await Promise.all([joinRoom(chat.port, "8", "TS-room8"), joinRoom(daphne.port, "8", "PY-room8")]);
      clients.push(...room, ...elsewhere);
    }, 40_000);

    it("every member on both sides gets every message sent on either side exactly once; another room gets none", async () => {
      const [ts8, py8] = elsewhere as [TextClient, TextClient];
      // A last message on room 7 goes from the TypeScript side (room[0]).
      const expected = await talkInRooms(
        room,
        elsewhere,
        (client) => [`${client.label}: 你好`, `${client.label}: bye`],
        "room 8 only",
      );
      for (const client of room) expect([...chatMessages(client)].sort()).toEqual([...expected, "fence"].sort());
      expect(chatMessages(ts8)).toEqual(["room 8 only"]);
      expect(chatMessages(py8)).toEqual(["room 8 only"]);
    });

    it('a group message typed "xx.oo" (the dotted spelling) from a Django process reaches both sides', async () => {
      await pythonGroupSend(layer, redis.url, "7", "dotted from Django");
      await Promise.all(room.map((client) => client.next("dotted from Django")));
      for (const client of clients)
        expect({ client: client.label, open: client.isOpen }).toEqual({ client: client.label, open: true });
    });

    it("the chat and daphne exit cleanly on SIGTERM", async () => {
      const [chatExit, daphneExit] = await Promise.all([chat.service.stop(5_000), daphne.service.stop(5_000)]);
      expect(chatExit).toEqual({ code: 0, signal: null, killed: false });
      expect(daphneExit).toEqual({ code: 0, signal: null, killed: false });
    });
  });
});
