"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotAnApplication = exports.InvalidRoute = exports.ScopeKeyMissing = exports.UnknownChannelName = exports.UnknownProtocolType = void 0;
const errors_1 = require("../errors");
/** `ProtocolTypeRouter` got a scope whose `type` it has no application for. */
class UnknownProtocolType extends errors_1.ChannelsError {
    scopeType;
    constructor(scopeType, configured) {
        super(errors_1.ErrorCode.UNKNOWN_PROTOCOL_TYPE, `No application configured for scope type ${describe(scopeType)}; ` +
            `ProtocolTypeRouter has ${describeList(configured)}. ` +
            `Add a ${describe(scopeType)} entry to ProtocolTypeRouter({ ... }) if this protocol should be served.`);
        this.scopeType = scopeType;
    }
}
exports.UnknownProtocolType = UnknownProtocolType;
/** `ChannelNameRouter` got a `channel` scope for a channel it has no application for. */
class UnknownChannelName extends errors_1.ChannelsError {
    channel;
    constructor(channel, configured) {
        super(errors_1.ErrorCode.UNKNOWN_CHANNEL_NAME, `No application configured for channel name ${describe(channel)}; ` +
            `ChannelNameRouter has ${describeList(configured)}. ` +
            `Add a ${describe(channel)} entry to ChannelNameRouter({ ... }) or stop the worker listening on it.`);
        this.channel = channel;
    }
}
exports.UnknownChannelName = UnknownChannelName;
/** A router was handed a scope without the key it routes on (`path`, `channel`). */
class ScopeKeyMissing extends errors_1.ChannelsError {
    key;
    constructor(router, key, scopeType, hint) {
        super(errors_1.ErrorCode.SCOPE_KEY_MISSING, `${router} got a scope of type ${describe(scopeType)} without a ${JSON.stringify(key)} key; ${hint}`);
        this.key = key;
    }
}
exports.ScopeKeyMissing = ScopeKeyMissing;
/**
 * A route that can never work: unknown converter, bad parameter name, invalid regular
 * expression, leading slash. Thrown by `path()` / `rePath()` / `registerConverter()`, so a
 * broken routing table fails at startup rather than as a 404 on the first connection.
 */
class InvalidRoute extends errors_1.ChannelsError {
    route;
    constructor(route, problem, options = {}) {
        super(errors_1.ErrorCode.INVALID_ROUTE, `Route ${JSON.stringify(route)} ${problem}`, options);
        this.route = route;
    }
}
exports.InvalidRoute = InvalidRoute;
/** A router or route was given something that is not an application. */
class NotAnApplication extends errors_1.ChannelsError {
    constructor(where, given, fix) {
        super(errors_1.ErrorCode.NOT_AN_APPLICATION, `${where} was given ${given}, not an application; ${fix}.`);
    }
}
exports.NotAnApplication = NotAnApplication;
function describe(value) {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
}
function describeList(names) {
    return names.length === 0 ? "no entries" : `entries for ${names.map((n) => JSON.stringify(n)).join(", ")}`;
}
//# sourceMappingURL=routing-errors.js.map