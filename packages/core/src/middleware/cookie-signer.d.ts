/**
 * Signs cookie values as `value.signature` with HMAC-SHA256.
 *
 * Several secrets allow rotation: the first signs, any verifies, so a new secret can be put
 * first while cookies signed with the old one stay valid until it is removed. Each secret is
 * hashed with a salt into the MAC key (as Django's `salted_hmac`), so a secret shared with
 * another signer in the app never yields interchangeable signatures.
 */
export declare class CookieSigner {
    private readonly keys;
    constructor(secret: string | readonly string[], salt?: string);
    sign(value: string): string;
    /** The value when the signature verifies under any secret, otherwise null: never throws. */
    unsign(signed: string): string | null;
    private mac;
}
