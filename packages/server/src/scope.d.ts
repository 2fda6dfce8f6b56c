import type { IncomingMessage } from "node:http";
import { type Headers, type HostPort, type HttpScope, type WebsocketScope } from "@channels-ts/core";
import type { ResolvedServerOptions } from "./options";
/** Splits a request target into its raw path and raw query string (without the `?`). */
export declare function splitTarget(url: string): {
    rawPath: string;
    queryString: string;
};
/** Headers as ASGI has them: lower-cased names, in arrival order, duplicates kept. */
export declare function headerList(rawHeaders: readonly string[]): Headers;
/** `rootPath` is the mount point the request arrived under (`attach()`'s `paths`), else `options.rootPath`. */
export declare function buildHttpScope(req: IncomingMessage, options: ResolvedServerOptions, rootPath?: string): HttpScope;
/** The subprotocols a client offers, in its order of preference. */
export declare function offeredSubprotocols(req: IncomingMessage): string[];
export declare function buildWebsocketScope(req: IncomingMessage, options: ResolvedServerOptions, rootPath?: string): WebsocketScope;
/** `ip:port` of the client, as the access log shows it. */
export declare function clientLabel(client: HostPort | null | undefined): string;
