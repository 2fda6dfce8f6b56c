"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChannelNameRouter = ChannelNameRouter;
const application_check_1 = require("./application-check");
const routing_errors_1 = require("./routing-errors");
/**
 * Dispatches a worker's `channel` scope on `scope.channel` (Channels' `ChannelNameRouter`).
 * An unknown channel rejects with `UnknownChannelName`, naming it and the configured ones.
 */
function ChannelNameRouter(applications) {
    const byChannel = new Map();
    for (const [channel, app] of Object.entries(applications)) {
        (0, application_check_1.assertApplication)(`ChannelNameRouter entry ${JSON.stringify(channel)}`, app);
        byChannel.set(channel, app);
    }
    return async function channelNameRouter(scope, receive, send) {
        const channel = scope.channel;
        if (typeof channel !== "string") {
            throw new routing_errors_1.ScopeKeyMissing("ChannelNameRouter", "channel", scope.type, "use it only for 'channel' scopes: ProtocolTypeRouter({ channel: ChannelNameRouter({ ... }) }).");
        }
        const app = byChannel.get(channel);
        if (app === undefined)
            throw new routing_errors_1.UnknownChannelName(channel, [...byChannel.keys()]);
        return app(scope, receive, send);
    };
}
//# sourceMappingURL=channel-name-router.js.map