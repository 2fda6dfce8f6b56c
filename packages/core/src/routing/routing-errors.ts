import { ChannelsError, ErrorCode } from "../errors";

/** `ProtocolTypeRouter` got a scope whose `type` it has no application for. */
export class UnknownProtocolType extends ChannelsError {
  readonly scopeType: unknown;
  constructor(scopeType: unknown, configured: readonly string[]) {
    super(
      ErrorCode.UNKNOWN_PROTOCOL_TYPE,
      `No application configured for scope type ${describe(scopeType)}; ` +
        `ProtocolTypeRouter has ${describeList(configured)}. ` +
        `Add a ${describe(scopeType)} entry to ProtocolTypeRouter({ ... }) if this protocol should be served.`,
    );
    this.scopeType = scopeType;
  }
}

/** `ChannelNameRouter` got a `channel` scope for a channel it has no application for. */
export class UnknownChannelName extends ChannelsError {
  readonly channel: unknown;
  constructor(channel: unknown, configured: readonly string[]) {
    super(
      ErrorCode.UNKNOWN_CHANNEL_NAME,
      `No application configured for channel name ${describe(channel)}; ` +
        `ChannelNameRouter has ${describeList(configured)}. ` +
        `Add a ${describe(channel)} entry to ChannelNameRouter({ ... }) or stop the worker listening on it.`,
    );
    this.channel = channel;
  }
}

/** A router was handed a scope without the key it routes on (`path`, `channel`). */
export class ScopeKeyMissing extends ChannelsError {
  readonly key: string;
  constructor(router: string, key: string, scopeType: unknown, hint: string) {
    super(
      ErrorCode.SCOPE_KEY_MISSING,
      `${router} got a scope of type ${describe(scopeType)} without a ${JSON.stringify(key)} key; ${hint}`,
    );
    this.key = key;
  }
}

/**
 * A route that can never work: unknown converter, bad parameter name, invalid regular
 * expression, leading slash. Thrown by `path()` / `rePath()` / `registerConverter()`, so a
 * broken routing table fails at startup rather than as a 404 on the first connection.
 */
export class InvalidRoute extends ChannelsError {
  readonly route: string;
  constructor(route: string, problem: string, options: { cause?: unknown } = {}) {
    super(ErrorCode.INVALID_ROUTE, `Route ${JSON.stringify(route)} ${problem}`, options);
    this.route = route;
  }
}

/** A router or route was given something that is not an application. */
export class NotAnApplication extends ChannelsError {
  constructor(where: string, given: string, fix: string) {
    super(ErrorCode.NOT_AN_APPLICATION, `${where} was given ${given}, not an application; ${fix}.`);
  }
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function describeList(names: readonly string[]): string {
  return names.length === 0 ? "no entries" : `entries for ${names.map((n) => JSON.stringify(n)).join(", ")}`;
}
