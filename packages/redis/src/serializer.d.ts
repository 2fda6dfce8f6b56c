import type { Message } from "@channels-ts/core";
import type { MultiFernet } from "./fernet";
/**
 * channels_redis's `serialize` / `deserialize`: msgpack (str as str, bytes as bin), optionally a
 * Fernet token of it, behind 12 random bytes. The pub/sub layer uses plain msgpack (`prefixed: false`).
 */
export declare class MessageSerializer {
    private readonly encoder;
    private readonly decoder;
    private readonly crypter;
    private readonly ttlSeconds;
    private readonly prefixLength;
    constructor(options?: {
        crypter?: MultiFernet | undefined;
        ttlSeconds?: number;
        prefixed?: boolean;
    });
    get encrypted(): boolean;
    /** The stored bytes of one message (a fresh buffer the caller owns). */
    serialize(message: Message | Record<string, unknown>): Buffer;
    /** Put the random prefix in front of an already encoded payload (one copy). */
    frame(payload: Uint8Array): Buffer;
    /** msgpack bytes of `message` with no prefix nor encryption (a view valid until the next encode). */
    pack(message: unknown): Uint8Array;
    /** The decoded value; throws on bad prefix length, a rejected token or bad msgpack. */
    deserialize(data: Uint8Array): unknown;
}
