"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
class TagMiddleware extends middleware_1.BaseMiddleware {
    populateScope() {
        return { tag: "inner" };
    }
}
/** An innermost app that logs in and out, i.e. writes to the scope it was given. */
const writingApp = async (scope) => {
    await (0, middleware_1.login)(scope, { id: 1 });
    await (0, middleware_1.logout)(scope);
    scope["written"] = true;
};
describe("middleware never mutates the caller's scope", () => {
    const stacks = [
        ["CookieMiddleware", (inner) => (0, middleware_1.CookieMiddleware)(inner)],
        ["SessionMiddlewareStack", (inner) => (0, middleware_1.SessionMiddlewareStack)(inner, { secret: "s" })],
        ["AuthMiddlewareStack", (inner) => (0, middleware_1.AuthMiddlewareStack)(inner, { secret: "s", loadUser: async () => null })],
        [
            "OriginValidator + stack",
            (inner) => (0, middleware_1.OriginValidator)((0, middleware_1.AuthMiddlewareStack)(inner, { secret: "s", loadUser: async () => null }), ["*"]),
        ],
        [
            "AllowedHostsOriginValidator + stack",
            (inner) => (0, middleware_1.AllowedHostsOriginValidator)((0, middleware_1.SessionMiddlewareStack)(inner, { secret: "s" }), ["*"]),
        ],
        [
            "BaseMiddleware subclass + stack",
            (inner) => new TagMiddleware((0, middleware_1.AuthMiddlewareStack)(inner, { secret: "s", loadUser: async () => null })).asApp(),
        ],
    ];
    it.each(stacks)("%s leaves the outer scope as it was", async (_name, wrap) => {
        const scope = (0, fake_connection_1.websocketScope)([
            ["cookie", "sessionid=x"],
            ["origin", "http://a.test"],
        ]);
        const snapshot = structuredClone(scope);
        const headersBefore = scope["headers"];
        let innerScope;
        await wrap(async (s, r, send) => {
            innerScope = s;
            await (s["session"] === undefined ? undefined : writingApp(s, r, send));
        })(scope, (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(innerScope).toBeDefined();
        expect(innerScope).not.toBe(scope);
        expect(scope).toEqual(snapshot);
        expect(scope["headers"]).toBe(headersBefore);
        expect(Object.keys(scope).sort()).toEqual(Object.keys(snapshot).sort());
    });
});
//# sourceMappingURL=scope-immutability.test.js.map