"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MessageSerializer = void 0;
const msgpack_1 = require("@msgpack/msgpack");
const random_prefix_1 = require("./random-prefix");
/**
 * channels_redis's `serialize` / `deserialize`: msgpack (str as str, bytes as bin), optionally a
 * Fernet token of it, behind 12 random bytes. The pub/sub layer uses plain msgpack (`prefixed: false`).
 */
class MessageSerializer {
    encoder = new msgpack_1.Encoder({ ignoreUndefined: true });
    decoder = new msgpack_1.Decoder();
    crypter;
    ttlSeconds;
    prefixLength;
    constructor(options = {}) {
        this.crypter = options.crypter;
        this.ttlSeconds = options.ttlSeconds ?? 70;
        this.prefixLength = options.prefixed === false ? 0 : random_prefix_1.RANDOM_PREFIX_LENGTH;
    }
    get encrypted() {
        return this.crypter !== undefined;
    }
    /** The stored bytes of one message (a fresh buffer the caller owns). */
    serialize(message) {
        const packed = this.encoder.encodeSharedRef(message);
        return this.frame(this.crypter === undefined ? packed : this.crypter.encrypt(packed));
    }
    /** Put the random prefix in front of an already encoded payload (one copy). */
    frame(payload) {
        const out = Buffer.allocUnsafe(this.prefixLength + payload.length);
        if (this.prefixLength > 0)
            (0, random_prefix_1.writeRandomPrefix)(out, 0);
        out.set(payload, this.prefixLength);
        return out;
    }
    /** msgpack bytes of `message` with no prefix nor encryption (a view valid until the next encode). */
    pack(message) {
        return this.encoder.encodeSharedRef(message);
    }
    /** The decoded value; throws on bad prefix length, a rejected token or bad msgpack. */
    deserialize(data) {
        if (data.length < this.prefixLength)
            throw new RangeError(`payload of ${data.length} bytes is shorter than its random prefix`);
        let body = data.subarray(this.prefixLength);
        if (this.crypter !== undefined)
            body = this.crypter.decrypt(body, this.ttlSeconds);
        return this.decoder.decode(body);
    }
}
exports.MessageSerializer = MessageSerializer;
//# sourceMappingURL=serializer.js.map