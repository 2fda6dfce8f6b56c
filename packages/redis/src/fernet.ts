import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ChannelsError, ErrorCode } from "@channels-ts/core";

/** Fernet's allowance for a token stamped in the future (cryptography's `_MAX_CLOCK_SKEW`). */
const MAX_CLOCK_SKEW_SECONDS = 60;
const VERSION = 0x80;
const HEADER_LENGTH = 1 + 8 + 16;
const HMAC_LENGTH = 32;

/** A token that no key can authenticate, that is malformed, or that is too old. */
export class InvalidToken extends ChannelsError {
  constructor(reason: string) {
    super(
      ErrorCode.INVALID_TOKEN,
      `Fernet token rejected: ${reason}. Check that every process shares the same symmetricEncryptionKeys ` +
        "and that clocks agree within the layer's expiry.",
    );
  }
}

/**
 * One Fernet key (the cryptography spec: AES-128-CBC, then HMAC-SHA256 over version, timestamp,
 * IV and ciphertext). Built from a channels_redis passphrase: the Fernet key is
 * `urlsafe_b64encode(sha256(passphrase))`, so its raw bytes are the SHA-256 digest itself.
 */
export class Fernet {
  private readonly signingKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(rawKey: Uint8Array) {
    if (rawKey.length !== 32) {
      throw new TypeError(`A Fernet key is 32 bytes, got ${rawKey.length}; derive it with Fernet.fromPassphrase().`);
    }
    this.signingKey = Buffer.from(rawKey.subarray(0, 16));
    this.encryptionKey = Buffer.from(rawKey.subarray(16, 32));
  }

  /** The Fernet channels_redis builds from one entry of `symmetric_encryption_keys`. */
  static fromPassphrase(key: string | Uint8Array): Fernet {
    return new Fernet(
      createHash("sha256")
        .update(typeof key === "string" ? Buffer.from(key, "utf8") : key)
        .digest(),
    );
  }

  /** Encrypt `data` into an ASCII (base64url) token, as `Fernet.encrypt`. */
  encrypt(data: Uint8Array, nowSeconds = Date.now() / 1000): Buffer {
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-128-cbc", this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    const header = Buffer.allocUnsafe(HEADER_LENGTH);
    header[0] = VERSION;
    header.writeBigUInt64BE(BigInt(Math.floor(nowSeconds)), 1);
    iv.copy(header, 9);
    const hmac = createHmac("sha256", this.signingKey).update(header).update(ciphertext).digest();
    const raw = Buffer.concat([header, ciphertext, hmac]);
    // Python's urlsafe_b64encode pads with "="; Node's base64url does not.
    return Buffer.from(raw.toString("base64url").padEnd(paddedLength(raw.length), "="), "ascii");
  }

  /** Decrypt a token, rejecting it when older than `ttlSeconds` (when given) as `Fernet.decrypt(token, ttl)`. */
  decrypt(token: Uint8Array, ttlSeconds?: number, nowSeconds = Date.now() / 1000): Buffer {
    const raw = decodeToken(token);
    const timestamp = Number(raw.readBigUInt64BE(1));
    if (ttlSeconds !== undefined && timestamp + ttlSeconds < Math.floor(nowSeconds))
      throw new InvalidToken("token expired");
    if (Math.floor(nowSeconds) + MAX_CLOCK_SKEW_SECONDS < timestamp) throw new InvalidToken("token from the future");
    const signed = raw.subarray(0, raw.length - HMAC_LENGTH);
    const expected = createHmac("sha256", this.signingKey).update(signed).digest();
    if (!timingSafeEqual(expected, raw.subarray(raw.length - HMAC_LENGTH)))
      throw new InvalidToken("signature mismatch");
    try {
      const decipher = createDecipheriv("aes-128-cbc", this.encryptionKey, raw.subarray(9, HEADER_LENGTH));
      return Buffer.concat([decipher.update(raw.subarray(HEADER_LENGTH, raw.length - HMAC_LENGTH)), decipher.final()]);
    } catch (error) {
      throw new InvalidToken(`bad padding (${(error as Error).message})`);
    }
  }
}

/** cryptography's MultiFernet: encrypt with the first key, accept a token from any key (key rotation). */
export class MultiFernet {
  private readonly fernets: readonly Fernet[];

  constructor(fernets: readonly Fernet[]) {
    if (fernets.length === 0)
      throw new TypeError('MultiFernet needs at least one key; pass symmetricEncryptionKeys: ["..."].');
    this.fernets = fernets;
  }

  static fromPassphrases(keys: ReadonlyArray<string | Uint8Array>): MultiFernet {
    return new MultiFernet(keys.map((key) => Fernet.fromPassphrase(key)));
  }

  encrypt(data: Uint8Array): Buffer {
    return (this.fernets[0] as Fernet).encrypt(data);
  }

  decrypt(token: Uint8Array, ttlSeconds?: number): Buffer {
    for (const fernet of this.fernets) {
      try {
        return fernet.decrypt(token, ttlSeconds);
      } catch (error) {
        if (!(error instanceof InvalidToken)) throw error;
      }
    }
    throw new InvalidToken("no key matched");
  }
}

function paddedLength(rawLength: number): number {
  return Math.ceil(rawLength / 3) * 4;
}

function decodeToken(token: Uint8Array): Buffer {
  const text = Buffer.from(token.buffer, token.byteOffset, token.byteLength).toString("latin1");
  if (!/^[A-Za-z0-9_-]+=*$/.test(text)) throw new InvalidToken("not base64url");
  const raw = Buffer.from(text, "base64url");
  if (raw.length < HEADER_LENGTH + HMAC_LENGTH || raw[0] !== VERSION) throw new InvalidToken("bad version or length");
  return raw;
}
