"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProtocolTypeRouter = ProtocolTypeRouter;
const application_check_1 = require("./application-check");
const routing_errors_1 = require("./routing-errors");
/**
 * Dispatches on `scope.type` (Channels' `ProtocolTypeRouter`). A type with no entry rejects
 * with `UnknownProtocolType`, which names the type and the configured ones.
 */
function ProtocolTypeRouter(applications) {
    const byType = new Map();
    for (const [type, app] of Object.entries(applications)) {
        if (app === undefined)
            continue;
        (0, application_check_1.assertApplication)(`ProtocolTypeRouter entry ${JSON.stringify(type)}`, app);
        byType.set(type, app);
    }
    // Not async: the protocol's application's promise is returned as it is (no promise per level).
    return function protocolTypeRouter(scope, receive, send) {
        const app = byType.get(scope.type);
        if (app === undefined)
            return Promise.reject(new routing_errors_1.UnknownProtocolType(scope.type, [...byType.keys()]));
        try {
            return Promise.resolve(app(scope, receive, send));
        }
        catch (error) {
            return Promise.reject(error);
        }
    };
}
//# sourceMappingURL=protocol-type-router.js.map