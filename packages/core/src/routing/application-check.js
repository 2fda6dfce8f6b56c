"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertApplication = assertApplication;
const routing_errors_1 = require("./routing-errors");
/**
 * Rejects, at definition time, the two usual slips: a non-function, and a consumer class
 * passed where its application (`Consumer.asApp()`) belongs. Both would otherwise fail
 * only on the first connection.
 */
function assertApplication(where, app) {
    if (typeof app !== "function") {
        throw new routing_errors_1.NotAnApplication(where, `${app === null ? "null" : typeof app}`, "pass an application: an async (scope, receive, send) function");
    }
    if (/^class[\s{]/.test(Function.prototype.toString.call(app))) {
        const name = app.name || "the consumer class";
        throw new routing_errors_1.NotAnApplication(where, `the class ${name}`, `pass ${name}.asApp() instead`);
    }
}
//# sourceMappingURL=application-check.js.map