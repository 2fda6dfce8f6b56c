/** An Origin header, parsed; the port is filled in from the scheme when implicit. */
export interface ParsedOrigin {
    scheme: string;
    hostname: string;
    port: number | null;
}
/** Compiled allowed-origin patterns: built once per middleware, tested once per handshake. */
export interface OriginMatcher {
    readonly allowsAll: boolean;
    matches(origin: ParsedOrigin): boolean;
}
export declare function defaultPort(scheme: string): number | null;
/** Lower-cases and drops a trailing dot, which DNS ignores ("example.com." is example.com). */
export declare function normalizeHost(host: string): string;
/**
 * Parses an Origin header value. Missing, empty, `null` (sandboxed frames, file: pages) and
 * unparsable values give null: they name no origin that a pattern could allow.
 */
export declare function parseOrigin(value: string | undefined): ParsedOrigin | null;
/**
 * Compiles patterns as Channels' OriginValidator reads them: "*" allows every origin (even a
 * missing one); "example.com" that host under any scheme and port; ".example.com" that host
 * and its subdomains; "https://example.com:8443" (or "http://.example.com") also requires the
 * scheme and the port, which defaults from the scheme. A port on a bare host is ignored, as in
 * Channels. A pattern that can never match, such as "*.example.com", is rejected here.
 */
export declare function compileOriginPatterns(patterns: readonly string[]): OriginMatcher;
