import type { Application, Scope } from "../types";
import { compileOriginPatterns, isSameHost, type ParsedOrigin } from "./origin-pattern";
import { originGate, patternCheck } from "./origin-validator";
import { headerValues } from "./scope-headers";

/**
 * Refuses cross-site WebSocket handshakes (Channels' `AllowedHostsOriginValidator`).
 *
 * With `allowedHosts`, the Origin's host must match one of them, as Django's ALLOWED_HOSTS
 * reads them: "example.com", ".example.com" (and subdomains), "*".
 * Without it, the Origin must be the request's own Host: same host and same port, where a
 * Host without a port means the default port of the Origin's scheme (a browser leaves the
 * port out exactly when it is the default). A missing or repeated Host refuses the handshake.
 */
export function AllowedHostsOriginValidator<S extends Scope = Scope>(
  inner: Application<S>,
  allowedHosts?: readonly string[],
): Application {
  const check = allowedHosts === undefined ? sameHost : patternCheck(compileOriginPatterns(allowedHosts));
  return originGate(inner as Application, check, "allowedHostsOriginValidator");
}

function sameHost(origin: ParsedOrigin | null, scope: Scope): boolean {
  if (origin === null) return false;
  const hosts = headerValues(scope, "host");
  return hosts.length === 1 && isSameHost(origin, hosts[0] as string);
}
