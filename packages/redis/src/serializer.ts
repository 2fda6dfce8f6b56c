import { Encoder } from "@msgpack/msgpack";
import type { Message } from "@channels-ts/core";
import type { MultiFernet } from "./fernet";
import { OwnProtoDecoder } from "./own-proto-decoder";
import { RANDOM_PREFIX_LENGTH, writeRandomPrefix } from "./random-prefix";

/**
 * channels_redis's `serialize` / `deserialize`: msgpack (str as str, bytes as bin), optionally a
 * Fernet token of it, behind 12 random bytes. The pub/sub layer uses plain msgpack (`prefixed: false`).
 */
export class MessageSerializer {
  private readonly encoder = new Encoder({ ignoreUndefined: true });
  private readonly decoder = new OwnProtoDecoder();
  private readonly crypter: MultiFernet | undefined;
  private readonly ttlSeconds: number;
  private readonly prefixLength: number;

  constructor(options: { crypter?: MultiFernet | undefined; ttlSeconds?: number; prefixed?: boolean } = {}) {
    this.crypter = options.crypter;
    this.ttlSeconds = options.ttlSeconds ?? 70;
    this.prefixLength = options.prefixed === false ? 0 : RANDOM_PREFIX_LENGTH;
  }

  get encrypted(): boolean {
    return this.crypter !== undefined;
  }

  /** The stored bytes of one message (a fresh buffer the caller owns). */
  serialize(message: Message | Record<string, unknown>): Buffer {
    const packed = this.encoder.encodeSharedRef(message);
    return this.frame(this.crypter === undefined ? packed : this.crypter.encrypt(packed));
  }

  /** Put the random prefix in front of an already encoded payload (one copy). */
  frame(payload: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(this.prefixLength + payload.length);
    if (this.prefixLength > 0) writeRandomPrefix(out, 0);
    out.set(payload, this.prefixLength);
    return out;
  }

  /** msgpack bytes of `message` with no prefix nor encryption (a view valid until the next encode). */
  pack(message: unknown): Uint8Array {
    return this.encoder.encodeSharedRef(message);
  }

  /** The decoded value; throws on bad prefix length, a rejected token or bad msgpack. */
  deserialize(data: Uint8Array): unknown {
    if (data.length < this.prefixLength)
      throw new RangeError(`payload of ${data.length} bytes is shorter than its random prefix`);
    let body = data.subarray(this.prefixLength);
    if (this.crypter !== undefined) body = this.crypter.decrypt(body, this.ttlSeconds);
    return this.decoder.decode(body);
  }
}
