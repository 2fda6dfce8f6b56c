"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const chat_process_1 = require("./support/chat-process");
const daphne_process_1 = require("./support/daphne-process");
const django_python_1 = require("./support/django-python");
const room_client_1 = require("./support/room-client");
const warn_skipped_1 = require("./support/warn-skipped");
const SUITE = "the chat beside the tutorial's Django Channels app";
const why = test_fixtures_1.REDIS_SERVER === undefined
    ? "redis-server is not on PATH (Debian: apt-get install redis-server)"
    : django_python_1.DJANGO_PYTHON === undefined
        ? django_python_1.DJANGO_PYTHON_MISSING
        : undefined;
if (why !== undefined)
    (0, warn_skipped_1.warnSkipped)(SUITE, why);
const describeBeside = why === undefined ? describe : describe.skip;
const LAYERS = ["redis", "redis-pubsub"];
/** Sends one group message from a short-lived Python process using the Django project's layer. */
function pythonGroupSend(layer, redisUrl, room, text) {
    const script = (0, node_path_1.join)(__dirname, "support", "group_send.py");
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(django_python_1.DJANGO_PYTHON, [script, room, text], { env: { ...process.env, ...(0, daphne_process_1.djangoEnv)(layer, redisUrl) }, timeout: 10_000 }, (error, _stdout, stderr) => error === null ? resolve() : reject(new Error(`group_send.py failed: ${error.message}\n${stderr}`)));
    });
}
describeBeside(SUITE, () => {
    describe.each(LAYERS)("CHANNEL_LAYER=%s on both sides", (layer) => {
        let chat;
        let daphne;
        const clients = [];
        let room;
        let elsewhere;
        // Declared in the order of teardown (Jest runs afterAll hooks in declaration order): the
        // clients, then the chat and daphne (whichever started, even if beforeAll failed half-way), then their Redis.
        afterAll(() => Promise.all(clients.map((client) => client.close())));
        const processes = (0, test_fixtures_1.useProcesses)("all");
        const redis = (0, test_fixtures_1.useRedisServer)();
        beforeAll(async () => {
            // Both start at once; whichever started is kept for afterAll even if the other failed.
            const [chatStarted, daphneStarted] = await Promise.allSettled([
                (0, chat_process_1.startChat)(processes, layer, redis.url),
                (0, daphne_process_1.startDaphne)(processes, layer, redis.url),
            ]);
            if (chatStarted.status === "fulfilled")
                chat = chatStarted.value;
            if (daphneStarted.status === "fulfilled")
                daphne = daphneStarted.value;
            if (chatStarted.status === "rejected")
                throw chatStarted.reason;
            if (daphneStarted.status === "rejected")
                throw daphneStarted.reason;
            room = await Promise.all([
                (0, room_client_1.joinRoom)(chat.port, "7", "TS1"),
                (0, room_client_1.joinRoom)(chat.port, "7", "TS2"),
                (0, room_client_1.joinRoom)(daphne.port, "7", "PY1"),
                (0, room_client_1.joinRoom)(daphne.port, "7", "PY2"),
            ]);
            elsewhere = await Promise.all([(0, room_client_1.joinRoom)(chat.port, "8", "TS-room8"), (0, room_client_1.joinRoom)(daphne.port, "8", "PY-room8")]);
            clients.push(...room, ...elsewhere);
        }, 40_000);
        it("every member on both sides gets every message sent on either side exactly once; another room gets none", async () => {
            const [ts8, py8] = elsewhere;
            // A last message on room 7 goes from the TypeScript side (room[0]).
            const expected = await (0, room_client_1.talkInRooms)(room, elsewhere, (client) => [`${client.label}: 你好`, `${client.label}: bye`], "room 8 only");
            for (const client of room)
                expect([...(0, room_client_1.chatMessages)(client)].sort()).toEqual([...expected, "fence"].sort());
            expect((0, room_client_1.chatMessages)(ts8)).toEqual(["room 8 only"]);
            expect((0, room_client_1.chatMessages)(py8)).toEqual(["room 8 only"]);
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
//# sourceMappingURL=chat-beside-django.test.js.map