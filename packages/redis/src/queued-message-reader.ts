import { ASGI_CHANNEL_KEY, parseWireMessage, type WireMessage } from "./wire-message";
import type { MessageSerializer } from "./serializer";
import { OwnProtoDecoder } from "./own-proto-decoder";
import { RANDOM_PREFIX_LENGTH } from "./random-prefix";

/** msgpack of the key as every writer puts it: a fixstr of 16 bytes. */
const MARKER = Buffer.concat([Buffer.from([0xa0 | ASGI_CHANNEL_KEY.length]), Buffer.from(ASGI_CHANNEL_KEY)]);

/** How many distinct member lists are remembered (one per group this process has members in, recently). */
const REMEMBERED_LISTS = 32;

/**
 * Reads the messages on this process's own queue. A group send leaves one message per process
 * with the names of that process's members last (`__asgi_channel__`, written by the group-send
 * script or by Python's `group_send`), and from one send to the next the list is the same bytes:
 * decoding it was the largest part of reading a message (a string per member; `utf8Decode` was
 * the chat processes' top JavaScript function in the fan-out profile). So a list's bytes are
 * remembered with their names, and a message whose tail is bytes already seen has only the map
 * before them decoded. Anything else (encrypted, a single channel, a list not seen before, a
 * layout other than "the key last") takes the full decode, as before.
 */
export class QueuedMessageReader {
  private readonly decoder = new OwnProtoDecoder();
  private readonly tails: Buffer[] = [];
  private readonly lists: string[][] = [];
  private next = 0;

  constructor(private readonly serializer: MessageSerializer) {}

  read(member: Buffer): WireMessage {
    if (this.serializer.encrypted) return parseWireMessage(this.serializer.deserialize(member));
    const at = member.lastIndexOf(MARKER);
    if (at <= RANDOM_PREFIX_LENGTH) return parseWireMessage(this.serializer.deserialize(member));
    const tail = member.subarray(at + MARKER.length);
    const names = this.lookup(tail);
    if (names !== undefined) {
      const known = this.readHead(member, at);
      if (known !== undefined) return { message: known, channels: names };
    }
    const parsed = parseWireMessage(this.serializer.deserialize(member));
    if (Array.isArray(parsed.channels) && names === undefined) this.learn(tail, parsed.channels);
    return parsed;
  }

  /** The message without its last entry, or undefined when that entry is not the whole tail. */
  private readHead(member: Buffer, at: number): WireMessage["message"] | undefined {
    const head = Buffer.allocUnsafe(at - RANDOM_PREFIX_LENGTH);
    member.copy(head, 0, RANDOM_PREFIX_LENGTH, at);
    const first = head[0] as number;
    if (first > 0x80 && first <= 0x8f) head[0] = first - 1;
    else if (first === 0xde && head.length >= 3) {
      const count = head.readUInt16BE(1);
      if (count === 0) return undefined;
      head.writeUInt16BE(count - 1, 1);
    } else return undefined;
    let value: unknown;
    try {
      // Throws when the marker was inside a value: the head then ends in the middle of it.
      value = this.decoder.decode(head);
    } catch {
      return undefined;
    }
    try {
      const parsed = parseWireMessage(value);
      return parsed.channels === undefined ? parsed.message : undefined;
    } catch {
      return undefined;
    }
  }

  private lookup(tail: Buffer): string[] | undefined {
    const tails = this.tails;
    for (let i = 0; i < tails.length; i++) {
      const known = tails[i] as Buffer;
      if (known.length === tail.length && known.equals(tail)) return this.lists[i];
    }
    return undefined;
  }

  /** Remember `names` for `tail` if the tail is exactly their encoding. */
  private learn(tail: Buffer, names: string[]): void {
    let decoded: unknown;
    try {
      decoded = this.decoder.decode(tail);
    } catch {
      return;
    }
    if (!Array.isArray(decoded) || decoded.length !== names.length) return;
    for (let i = 0; i < names.length; i++) if (decoded[i] !== names[i]) return;
    // Frozen: the same array is handed out for every message with these bytes.
    const list = Object.freeze(decoded as string[]) as string[];
    this.tails[this.next] = Buffer.from(tail);
    this.lists[this.next] = list;
    this.next = (this.next + 1) % REMEMBERED_LISTS;
  }
}
