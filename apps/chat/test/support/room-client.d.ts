import { TextClient } from "@channels-ts/test-fixtures";
/** The prefix of the messages `joinRoom` sends; `chatMessages` leaves them out. */
export declare const JOIN_PREFIX = "joined:";
/**
 * A client on `/room/<room>/`, once the server has put it in the group. The chat joins the group
 * after accepting, so `open` alone does not prove membership; but a consumer handles its messages
 * in order, so this client's own message coming back does.
 */
export declare function joinRoom(port: number, room: string, label: string, timeoutMs?: number): Promise<TextClient>;
/** The messages `client` received that are not join markers. */
export declare function chatMessages(client: TextClient): string[];
/**
 * Every client of `room` sends its `messagesOf(client)`, and the last client of `other` (another
 * room) sends `otherText`; resolves with the room's messages once each member has them all and a
 * last "fence" from `room[0]`: anything delivered twice would have come before the fence.
 */
export declare function talkInRooms(room: TextClient[], other: TextClient[], messagesOf: (client: TextClient) => string[], otherText: string): Promise<string[]>;
