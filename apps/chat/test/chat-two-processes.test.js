"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const chat_process_1 = require("./support/chat-process");
const room_client_1 = require("./support/room-client");
const SUITE = "the chat on two processes sharing one Redis";
const LAYERS = ["redis", "redis-pubsub"];
const MESSAGES_PER_CLIENT = 3;
/** Sends `probe N` until every client has received a probe, or gives up after `attempts`. */
async function probeUntilDelivered(sender, clients, attempts) {
    const gotProbe = (received) => received.some((text) => text.startsWith("probe "));
    for (let attempt = 1; attempt <= attempts; attempt++) {
        sender.send(`probe ${attempt}`);
        // A probe sent before the layer is back (or before its memberships are restored) is lost or
        // delayed; the next attempt goes out as soon as this one has had a fair chance to arrive.
        const delivered = await Promise.all(clients.map((client) => client.within(gotProbe, 1_000)));
        if (delivered.every(Boolean))
            return attempt;
    }
    const missing = clients.filter((client) => !gotProbe(client.received)).map((client) => client.label);
    throw new Error(`no probe reached ${missing.join(", ")} after ${attempts} attempts`);
}
(0, test_fixtures_1.describeWithRedis)(SUITE, () => {
    describe.each(LAYERS)("CHANNEL_LAYER=%s", (layer) => {
        const servers = [];
        const clients = [];
        let room1;
        let room2;
        // Declared in the order of teardown (Jest runs afterAll hooks in declaration order): the
        // clients, then the chat processes, then their Redis.
        afterAll(() => Promise.all(clients.map((client) => client.close())));
        const processes = (0, test_fixtures_1.useProcesses)("all");
        const redis = (0, test_fixtures_1.useRedisServer)();
        beforeAll(async () => {
            servers.push(...(await Promise.all([
                (0, chat_process_1.startChat)(processes, layer, redis.url, "chat A"),
                (0, chat_process_1.startChat)(processes, layer, redis.url, "chat B"),
            ])));
            const [a, b] = servers;
            room1 = await Promise.all([
                (0, room_client_1.joinRoom)(a.port, "1", "A1"),
                (0, room_client_1.joinRoom)(a.port, "1", "A2"),
                (0, room_client_1.joinRoom)(b.port, "1", "B1"),
                (0, room_client_1.joinRoom)(b.port, "1", "B2"),
            ]);
            room2 = await Promise.all([(0, room_client_1.joinRoom)(a.port, "2", "A-room2"), (0, room_client_1.joinRoom)(b.port, "2", "B-room2")]);
            clients.push(...room1, ...room2);
        }, 40_000);
        it("every client in a room gets every message sent on either server exactly once; the other room gets none", async () => {
            const [a2, b2] = room2;
            const expected = await (0, room_client_1.talkInRooms)(room1, room2, (client) => Array.from({ length: MESSAGES_PER_CLIENT }, (_, i) => `${client.label} says ${i}`), "room 2 only");
            for (const client of room1)
                expect([...(0, room_client_1.chatMessages)(client)].sort()).toEqual([...expected, "fence"].sort());
            expect((0, room_client_1.chatMessages)(a2)).toEqual(["room 2 only"]);
            expect((0, room_client_1.chatMessages)(b2)).toEqual(["room 2 only"]);
        });
        it("survives a Redis restart with empty data: servers and sockets stay up, and the room works again", async () => {
            await redis.stop();
            await redis.restart();
            const [a1, , b1] = room1;
            await probeUntilDelivered(a1, room1, 20);
            b1.send("after the restart");
            await Promise.all(room1.map((client) => client.next("after the restart")));
            for (const server of servers)
                expect(server.service.alive).toBe(true);
            for (const client of clients)
                expect({ client: client.label, open: client.isOpen }).toEqual({ client: client.label, open: true });
        }, 30_000);
        it("each server exits with code 0 on SIGTERM, closing its sockets with 1001", async () => {
            const exits = await Promise.all(servers.map((server) => server.service.stop(5_000)));
            expect(exits).toEqual([
                { code: 0, signal: null, killed: false },
                { code: 0, signal: null, killed: false },
            ]);
            const codes = await Promise.all(clients.map((client) => client.closedBy(2_000)));
            expect(codes).toEqual(clients.map(() => 1001));
        });
    });
});
//# sourceMappingURL=chat-two-processes.test.js.map