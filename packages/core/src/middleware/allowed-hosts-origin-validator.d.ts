import type { Application, Scope } from "../types";
/**
 * Refuses cross-site WebSocket handshakes (Channels' `AllowedHostsOriginValidator`).
 *
 * With `allowedHosts`, the Origin's host must match one of them, as Django's ALLOWED_HOSTS
 * reads them: "example.com", ".example.com" (and subdomains), "*".
 * Without it, the Origin must be the request's own Host: same host and same port, where a
 * Host without a port means the default port of the Origin's scheme (a browser leaves the
 * port out exactly when it is the default). A missing or repeated Host refuses the handshake.
 */
export declare function AllowedHostsOriginValidator<S extends Scope = Scope>(inner: Application<S>, allowedHosts?: readonly string[]): Application;
