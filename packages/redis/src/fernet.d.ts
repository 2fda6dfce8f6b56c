import { ChannelsError } from "@channels-ts/core";
/** A token that no key can authenticate, that is malformed, or that is too old. */
export declare class InvalidToken extends ChannelsError {
    constructor(reason: string);
}
/**
 * One Fernet key (the cryptography spec: AES-128-CBC, then HMAC-SHA256 over version, timestamp,
 * IV and ciphertext). Built from a channels_redis passphrase: the Fernet key is
 * `urlsafe_b64encode(sha256(passphrase))`, so its raw bytes are the SHA-256 digest itself.
 */
export declare class Fernet {
    private readonly signingKey;
    private readonly encryptionKey;
    constructor(rawKey: Uint8Array);
    /** The Fernet channels_redis builds from one entry of `symmetric_encryption_keys`. */
    static fromPassphrase(key: string | Uint8Array): Fernet;
    /** Encrypt `data` into an ASCII (base64url) token, as `Fernet.encrypt`. */
    encrypt(data: Uint8Array, nowSeconds?: number): Buffer;
    /** Decrypt a token, rejecting it when older than `ttlSeconds` (when given) as `Fernet.decrypt(token, ttl)`. */
    decrypt(token: Uint8Array, ttlSeconds?: number, nowSeconds?: number): Buffer;
}
/** cryptography's MultiFernet: encrypt with the first key, accept a token from any key (key rotation). */
export declare class MultiFernet {
    private readonly fernets;
    constructor(fernets: readonly Fernet[]);
    static fromPassphrases(keys: ReadonlyArray<string | Uint8Array>): MultiFernet;
    encrypt(data: Uint8Array): Buffer;
    decrypt(token: Uint8Array, ttlSeconds?: number): Buffer;
}
