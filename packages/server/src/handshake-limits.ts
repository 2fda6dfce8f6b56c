import type { Logger } from "./logger";
import type { ResolvedServerOptions } from "./options";
import { RateLimitedWarning } from "./rate-limited-warning";

export interface Refusal {
  status: number;
  reason: string;
}

/**
 * The WebSocket handshakes the server lets through to the application: at most
 * `maxConnectionsPerAddress` WebSockets per client address (after proxy resolution) and
 * `maxPendingHandshakes` waiting for the application at once. Past either, a handshake gets 503
 * before the application runs, so one client cannot take every socket or stall the server with
 * handshakes it never lets finish, and everyone else is still served.
 */
export class HandshakeLimits {
  private readonly perAddress = new Map<string, number>();
  private pending = 0;
  private readonly addressWarning: RateLimitedWarning;
  private readonly pendingWarning: RateLimitedWarning;

  constructor(
    private readonly options: ResolvedServerOptions,
    logger: Logger,
  ) {
    const warn = (line: string): void => logger.warn(line);
    this.addressWarning = new RateLimitedWarning(
      warn,
      (count, latest) =>
        `refused ${count} WebSocket handshake(s) (503) over maxConnectionsPerAddress (${options.maxConnectionsPerAddress}), ` +
        `latest from ${latest}; raise maxConnectionsPerAddress if many clients share one address (behind a NAT, or a proxy ` +
        "not in trustedProxies)",
    );
    this.pendingWarning = new RateLimitedWarning(
      warn,
      (count, latest) =>
        `refused ${count} WebSocket handshake(s) (503) with maxPendingHandshakes (${options.maxPendingHandshakes}) ` +
        `waiting for the application, latest from ${latest}; raise maxPendingHandshakes, or make connect() answer sooner`,
    );
  }

  /**
   * Counts a new handshake from `address` (undefined: the socket is already gone) and returns
   * undefined, or, past a limit, the refusal (and counts nothing).
   */
  admit(address: string | undefined): Refusal | undefined {
    if (this.pending >= this.options.maxPendingHandshakes) {
      this.pendingWarning.note(address ?? "-");
      return { status: 503, reason: "Too many handshakes in progress" };
    }
    if (address !== undefined) {
      const count = this.perAddress.get(address) ?? 0;
      if (count >= this.options.maxConnectionsPerAddress) {
        this.addressWarning.note(address);
        return { status: 503, reason: "Too many connections from this address" };
      }
      this.perAddress.set(address, count + 1);
    }
    this.pending++;
    return undefined;
  }

  /** An admitted handshake was accepted, refused, or its client left. Called once per `admit`. */
  handshakeEnded(): void {
    this.pending--;
  }

  /** An admitted WebSocket from `address` is gone. Called once per `admit`. */
  left(address: string | undefined): void {
    if (address === undefined) return;
    const count = (this.perAddress.get(address) ?? 1) - 1;
    if (count <= 0) this.perAddress.delete(address);
    else this.perAddress.set(address, count);
  }

  /** For tests and metrics. */
  get pendingHandshakes(): number {
    return this.pending;
  }

  /** Says what is still untold (at shutdown). */
  flush(): void {
    this.addressWarning.flush();
    this.pendingWarning.flush();
  }
}
