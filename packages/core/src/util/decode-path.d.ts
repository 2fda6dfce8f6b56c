/**
 * The ASGI `path`: the raw request path percent-decoded as UTF-8. A malformed escape ("100%")
 * is kept as it is and invalid UTF-8 becomes U+FFFD, as servers do, instead of throwing.
 * `rawEncoding` says how characters that are not escapes map to bytes: "latin1" for a request
 * target as node:http hands it over (one char per byte), "utf8" for a path written in code.
 */
export declare function decodePath(rawPath: string, rawEncoding?: "utf8" | "latin1"): string;
