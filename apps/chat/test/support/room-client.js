"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JOIN_PREFIX = void 0;
exports.joinRoom = joinRoom;
exports.chatMessages = chatMessages;
exports.talkInRooms = talkInRooms;
const test_fixtures_1 = require("@channels-ts/test-fixtures");
/** The prefix of the messages `joinRoom` sends; `chatMessages` leaves them out. */
exports.JOIN_PREFIX = "joined:";
/**
 * A client on `/room/<room>/`, once the server has put it in the group. The chat joins the group
 * after accepting, so `open` alone does not prove membership; but a consumer handles its messages
 * in order, so this client's own message coming back does.
 */
async function joinRoom(port, room, label, timeoutMs = 10_000) {
    const client = await test_fixtures_1.TextClient.open(`ws://127.0.0.1:${port}/room/${room}/`, { label, timeoutMs });
    const marker = `${exports.JOIN_PREFIX}${label}`;
    client.send(marker);
    await client.until(`its own "${marker}"`, (received) => received.includes(marker), timeoutMs);
    return client;
}
/** The messages `client` received that are not join markers. */
function chatMessages(client) {
    return client.received.filter((text) => !text.startsWith(exports.JOIN_PREFIX));
}
/**
 * Every client of `room` sends its `messagesOf(client)`, and the last client of `other` (another
 * room) sends `otherText`; resolves with the room's messages once each member has them all and a
 * last "fence" from `room[0]`: anything delivered twice would have come before the fence.
 */
async function talkInRooms(room, other, messagesOf, otherText) {
    const expected = room.flatMap((client) => {
        const texts = messagesOf(client);
        for (const text of texts)
            client.send(text);
        return texts;
    });
    const all = (received) => expected.every((text) => received.includes(text));
    await Promise.all(room.map((client) => client.until(`all ${expected.length} messages`, all)));
    other.at(-1)?.send(otherText);
    await Promise.all(other.map((client) => client.next(otherText)));
    room[0]?.send("fence");
    await Promise.all(room.map((client) => client.next("fence")));
    return expected;
}
//# sourceMappingURL=room-client.js.map