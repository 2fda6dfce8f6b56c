"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keepPathRouting = keepPathRouting;
const path_routing_1 = require("../routing/path-routing");
/**
 * Middleware placed inside a URLRouter route must not hide the router it wraps: carrying the
 * routing mark over keeps the route matched as a prefix, so nested paths still resolve.
 */
function keepPathRouting(inner, app) {
    if ((0, path_routing_1.isPathRouting)(inner))
        (0, path_routing_1.markPathRouting)(app);
    return app;
}
//# sourceMappingURL=keep-path-routing.js.map