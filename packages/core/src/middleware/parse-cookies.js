"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCookies = parseCookies;
/**
 * Parses a `Cookie` request header (RFC 6265 section 4.2) into a name-to-value map.
 *
 * Tolerant by design, because a browser will send whatever other sites' scripts stored:
 * a pair without `=` is skipped, whitespace around names and values is trimmed, a value in
 * double quotes is unquoted, and a value that is not valid percent-encoding is kept as it
 * came. When a name repeats, the first wins: browsers list the cookie with the most
 * specific path first (RFC 6265 section 5.4), so it is the one the application meant.
 * The result has no prototype, so a cookie named `__proto__` is just a cookie.
 */
function parseCookies(header) {
    const cookies = Object.create(null);
    const length = header.length;
    let start = 0;
    while (start < length) {
        let end = header.indexOf(";", start);
        if (end === -1)
            end = length;
        const eq = header.indexOf("=", start);
        if (eq !== -1 && eq < end) {
            const name = header.slice(start, eq).trim();
            if (name !== "" && cookies[name] === undefined) {
                cookies[name] = decodeValue(header.slice(eq + 1, end).trim());
            }
        }
        start = end + 1;
    }
    return cookies;
}
function decodeValue(raw) {
    let value = raw;
    if (value.length >= 2 && value.charCodeAt(0) === 34 && value.charCodeAt(value.length - 1) === 34) {
        value = value.slice(1, -1);
    }
    if (value.indexOf("%") === -1)
        return value;
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
//# sourceMappingURL=parse-cookies.js.map