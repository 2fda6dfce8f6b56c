"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MultiFernet = exports.Fernet = exports.InvalidToken = void 0;
const node_crypto_1 = require("node:crypto");
const core_1 = require("@channels-ts/core");
/** Fernet's allowance for a token stamped in the future (cryptography's `_MAX_CLOCK_SKEW`). */
const MAX_CLOCK_SKEW_SECONDS = 60;
const VERSION = 0x80;
const HEADER_LENGTH = 1 + 8 + 16;
const HMAC_LENGTH = 32;
/** A token that no key can authenticate, that is malformed, or that is too old. */
class InvalidToken extends core_1.ChannelsError {
    constructor(reason) {
        super(core_1.ErrorCode.INVALID_TOKEN, `Fernet token rejected: ${reason}. Check that every process shares the same symmetricEncryptionKeys ` +
            "and that clocks agree within the layer's expiry.");
    }
}
exports.InvalidToken = InvalidToken;
/**
 * One Fernet key (the cryptography spec: AES-128-CBC, then HMAC-SHA256 over version, timestamp,
 * IV and ciphertext). Built from a channels_redis passphrase: the Fernet key is
 * `urlsafe_b64encode(sha256(passphrase))`, so its raw bytes are the SHA-256 digest itself.
 */
class Fernet {
    signingKey;
    encryptionKey;
    constructor(rawKey) {
        if (rawKey.length !== 32) {
            throw new TypeError(`A Fernet key is 32 bytes, got ${rawKey.length}; derive it with Fernet.fromPassphrase().`);
        }
        this.signingKey = Buffer.from(rawKey.subarray(0, 16));
        this.encryptionKey = Buffer.from(rawKey.subarray(16, 32));
    }
    /** The Fernet channels_redis builds from one entry of `symmetric_encryption_keys`. */
    static fromPassphrase(key) {
        return new Fernet((0, node_crypto_1.createHash)("sha256")
            .update(typeof key === "string" ? Buffer.from(key, "utf8") : key)
            .digest());
    }
    /** Encrypt `data` into an ASCII (base64url) token, as `Fernet.encrypt`. */
    encrypt(data, nowSeconds = Date.now() / 1000) {
        const iv = (0, node_crypto_1.randomBytes)(16);
        const cipher = (0, node_crypto_1.createCipheriv)("aes-128-cbc", this.encryptionKey, iv);
        const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
        const header = Buffer.allocUnsafe(HEADER_LENGTH);
        header[0] = VERSION;
        header.writeBigUInt64BE(BigInt(Math.floor(nowSeconds)), 1);
        iv.copy(header, 9);
        const hmac = (0, node_crypto_1.createHmac)("sha256", this.signingKey).update(header).update(ciphertext).digest();
        const raw = Buffer.concat([header, ciphertext, hmac]);
        // Python's urlsafe_b64encode pads with "="; Node's base64url does not.
        return Buffer.from(raw.toString("base64url").padEnd(paddedLength(raw.length), "="), "ascii");
    }
    /** Decrypt a token, rejecting it when older than `ttlSeconds` (when given) as `Fernet.decrypt(token, ttl)`. */
    decrypt(token, ttlSeconds, nowSeconds = Date.now() / 1000) {
        const raw = decodeToken(token);
        const timestamp = Number(raw.readBigUInt64BE(1));
        if (ttlSeconds !== undefined && timestamp + ttlSeconds < Math.floor(nowSeconds))
            throw new InvalidToken("token expired");
        if (Math.floor(nowSeconds) + MAX_CLOCK_SKEW_SECONDS < timestamp)
            throw new InvalidToken("token from the future");
        const signed = raw.subarray(0, raw.length - HMAC_LENGTH);
        const expected = (0, node_crypto_1.createHmac)("sha256", this.signingKey).update(signed).digest();
        if (!(0, node_crypto_1.timingSafeEqual)(expected, raw.subarray(raw.length - HMAC_LENGTH)))
            throw new InvalidToken("signature mismatch");
        try {
            const decipher = (0, node_crypto_1.createDecipheriv)("aes-128-cbc", this.encryptionKey, raw.subarray(9, HEADER_LENGTH));
            return Buffer.concat([decipher.update(raw.subarray(HEADER_LENGTH, raw.length - HMAC_LENGTH)), decipher.final()]);
        }
        catch (error) {
            throw new InvalidToken(`bad padding (${error.message})`);
        }
    }
}
exports.Fernet = Fernet;
/** cryptography's MultiFernet: encrypt with the first key, accept a token from any key (key rotation). */
class MultiFernet {
    fernets;
    constructor(fernets) {
        if (fernets.length === 0)
            throw new TypeError('MultiFernet needs at least one key; pass symmetricEncryptionKeys: ["..."].');
        this.fernets = fernets;
    }
    static fromPassphrases(keys) {
        return new MultiFernet(keys.map((key) => Fernet.fromPassphrase(key)));
    }
    encrypt(data) {
        return this.fernets[0].encrypt(data);
    }
    decrypt(token, ttlSeconds) {
        for (const fernet of this.fernets) {
            try {
                return fernet.decrypt(token, ttlSeconds);
            }
            catch (error) {
                if (!(error instanceof InvalidToken))
                    throw error;
            }
        }
        throw new InvalidToken("no key matched");
    }
}
exports.MultiFernet = MultiFernet;
function paddedLength(rawLength) {
    return Math.ceil(rawLength / 3) * 4;
}
function decodeToken(token) {
    const text = Buffer.from(token.buffer, token.byteOffset, token.byteLength).toString("latin1");
    if (!/^[A-Za-z0-9_-]+=*$/.test(text))
        throw new InvalidToken("not base64url");
    const raw = Buffer.from(text, "base64url");
    if (raw.length < HEADER_LENGTH + HMAC_LENGTH || raw[0] !== VERSION)
        throw new InvalidToken("bad version or length");
    return raw;
}
//# sourceMappingURL=fernet.js.map