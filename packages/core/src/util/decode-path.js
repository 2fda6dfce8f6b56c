"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodePath = decodePath;
const utf8 = new TextDecoder("utf-8");
/**
 * The ASGI `path`: the raw request path percent-decoded as UTF-8. A malformed escape ("100%")
 * is kept as it is and invalid UTF-8 becomes U+FFFD, as servers do, instead of throwing.
 * `rawEncoding` says how characters that are not escapes map to bytes: "latin1" for a request
 * target as node:http hands it over (one char per byte), "utf8" for a path written in code.
 */
function decodePath(rawPath, rawEncoding = "utf8") {
    if (!rawPath.includes("%"))
        return rawPath;
    try {
        return decodeURIComponent(rawPath);
    }
    catch {
        const bytes = [];
        for (let i = 0; i < rawPath.length; i++) {
            const hex = rawPath[i] === "%" ? rawPath.slice(i + 1, i + 3) : "";
            if (/^[0-9a-fA-F]{2}$/.test(hex)) {
                bytes.push(parseInt(hex, 16));
                i += 2;
            }
            else {
                for (const b of Buffer.from(rawPath[i], rawEncoding))
                    bytes.push(b);
            }
        }
        return utf8.decode(new Uint8Array(bytes));
    }
}
//# sourceMappingURL=decode-path.js.map