"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CookieSigner = void 0;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const SIGNATURE_LENGTH = 43; // base64url of a 32-byte SHA-256 MAC, unpadded
/**
 * Signs cookie values as `value.signature` with HMAC-SHA256.
 *
 * Several secrets allow rotation: the first signs, any verifies, so a new secret can be put
 * first while cookies signed with the old one stay valid until it is removed. Each secret is
 * hashed with a salt into the MAC key (as Django's `salted_hmac`), so a secret shared with
 * another signer in the app never yields interchangeable signatures.
 */
class CookieSigner {
    keys;
    constructor(secret, salt = "channels-ts.session") {
        const secrets = typeof secret === "string" ? [secret] : [...secret];
        if (secrets.length === 0 || secrets.some((s) => typeof s !== "string" || s.length === 0)) {
            throw new errors_1.MiddlewareConfigError("The cookie signing secret must be a non-empty string or a non-empty list of non-empty strings; " +
                "generate one with `node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"`.");
        }
        this.keys = secrets.map((s) => (0, node_crypto_1.createHash)("sha256").update(salt).update("\0").update(s).digest());
    }
    sign(value) {
        return `${value}.${this.mac(this.keys[0], value)}`;
    }
    /** The value when the signature verifies under any secret, otherwise null: never throws. */
    unsign(signed) {
        const dot = signed.lastIndexOf(".");
        if (dot <= 0 || signed.length - dot - 1 !== SIGNATURE_LENGTH)
            return null;
        const value = signed.slice(0, dot);
        const given = Buffer.from(signed.slice(dot + 1));
        // Non-ASCII characters take more bytes; timingSafeEqual throws on unequal lengths.
        if (given.length !== SIGNATURE_LENGTH)
            return null;
        for (const key of this.keys) {
            if ((0, node_crypto_1.timingSafeEqual)(given, Buffer.from(this.mac(key, value))))
                return value;
        }
        return null;
    }
    mac(key, value) {
        return (0, node_crypto_1.createHmac)("sha256", key).update(value).digest("base64url");
    }
}
exports.CookieSigner = CookieSigner;
//# sourceMappingURL=cookie-signer.js.map