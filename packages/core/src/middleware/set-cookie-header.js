"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setCookieHeader = setCookieHeader;
exports.deleteCookieHeader = deleteCookieHeader;
const errors_1 = require("./errors");
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Any visible ASCII or space except ";", which would start a new attribute.
const ATTRIBUTE_VALUE = /^[\x20-\x3a\x3c-\x7e]+$/;
/**
 * Builds the value of a `Set-Cookie` response header, e.g.
 * `setCookieHeader("sessionid", key, { maxAge: 3600, httpOnly: true })`.
 * The value is percent-encoded (the inverse of `parseCookies`). Anything that could inject
 * another attribute or header throws `InvalidCookie`.
 */
function setCookieHeader(name, value, options = {}) {
    if (!TOKEN.test(name)) {
        throw new errors_1.InvalidCookie(`Cookie name ${JSON.stringify(name)} is not an RFC 6265 token: use letters, digits and !#$%&'*+-.^_\`|~ only.`);
    }
    let header = `${name}=${encodeURIComponent(value)}`;
    let expires = options.expires;
    if (options.maxAge !== undefined) {
        if (!Number.isFinite(options.maxAge)) {
            throw new errors_1.InvalidCookie(`Cookie ${name}: maxAge ${String(options.maxAge)} is not a finite number of seconds.`);
        }
        const maxAge = Math.max(0, Math.floor(options.maxAge));
        header += `; Max-Age=${maxAge}`;
        expires ??= new Date(Date.now() + maxAge * 1000);
    }
    if (expires !== undefined) {
        if (Number.isNaN(expires.getTime()))
            throw new errors_1.InvalidCookie(`Cookie ${name}: expires is an invalid Date.`);
        header += `; Expires=${expires.toUTCString()}`;
    }
    if (options.domain !== undefined)
        header += `; Domain=${checkAttribute(name, "domain", options.domain)}`;
    header += `; Path=${checkAttribute(name, "path", options.path ?? "/")}`;
    if (options.secure === true)
        header += "; Secure";
    if (options.httpOnly === true)
        header += "; HttpOnly";
    if (options.sameSite !== undefined) {
        if (options.sameSite === "None" && options.secure !== true) {
            throw new errors_1.InvalidCookie(`Cookie ${name}: sameSite "None" requires secure: true (browsers drop it otherwise).`);
        }
        header += `; SameSite=${options.sameSite}`;
    }
    return header;
}
/**
 * A Set-Cookie value that makes the client drop cookie `name`. Path and domain must match the
 * cookie's; other attributes are kept because browsers refuse some cookies without them
 * (`__Secure-` names, SameSite=None without Secure), deletions included.
 */
function deleteCookieHeader(name, options = {}) {
    return setCookieHeader(name, "", { ...options, maxAge: 0, expires: new Date(0) });
}
function checkAttribute(name, attribute, value) {
    if (!ATTRIBUTE_VALUE.test(value)) {
        throw new errors_1.InvalidCookie(`Cookie ${name}: ${attribute} ${JSON.stringify(value)} must be non-empty printable ASCII without ";".`);
    }
    return value;
}
//# sourceMappingURL=set-cookie-header.js.map