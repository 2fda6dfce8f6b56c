"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.send = exports.receive = void 0;
exports.fakeApp = fakeApp;
exports.call = call;
function fakeApp() {
    const scopes = [];
    const app = async (scope) => {
        scopes.push(scope);
    };
    return Object.assign(app, {
        scopes,
        last() {
            const scope = scopes[scopes.length - 1];
            if (scope === undefined)
                throw new Error("fake application was never called");
            return scope;
        },
    });
}
const receive = async () => ({ type: "test.never" });
exports.receive = receive;
const send = async () => undefined;
exports.send = send;
/** Calls `app` with a fresh scope built from `fields`. */
function call(app, fields) {
    return app({ type: "http", ...fields }, exports.receive, exports.send);
}
//# sourceMappingURL=fake-app.js.map