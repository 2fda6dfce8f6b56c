"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_connection_1 = require("./fake-connection");
const loadUser = async (id) => ({ id });
const resolveUser = async () => null;
// Every call the runtime refuses is also refused by the compiler (checked by `npm run typecheck`).
describe("AuthMiddleware options name exactly one way to find the user", () => {
    it("AuthMiddlewareStack with only a secret does not compile, and throws", () => {
        // @ts-expect-error: loadUser or resolveUser is required
        expect(() => (0, core_1.AuthMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: "s" })).toThrow(core_1.MiddlewareConfigError);
    });
    it("both loadUser and resolveUser do not compile, and throw rather than ignoring one", () => {
        // @ts-expect-error: one of loadUser and resolveUser, not both
        expect(() => (0, core_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { loadUser, resolveUser })).toThrow(/both/);
        expect(() => 
        // @ts-expect-error: one of loadUser and resolveUser, not both
        (0, core_1.AuthMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: "s", loadUser, resolveUser })).toThrow(core_1.MiddlewareConfigError);
    });
    it("a resolver that is not a function does not compile, and throws naming it", () => {
        // @ts-expect-error: loadUser is a function
        expect(() => (0, core_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { loadUser: "users" })).toThrow(/loadUser string/);
    });
    it("either one alone compiles and builds the middleware", () => {
        expect((0, core_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { loadUser }).name).toBe("authMiddleware");
        expect((0, core_1.AuthMiddleware)((0, fake_connection_1.scopeRecorder)().app, { resolveUser }).name).toBe("authMiddleware");
        expect((0, core_1.AuthMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: "s", resolveUser }).name).toBe("cookieMiddleware");
    });
});
describe("SessionMiddleware's secret is never empty", () => {
    it("an empty list of secrets does not compile, and throws", () => {
        // @ts-expect-error: at least one secret
        expect(() => (0, core_1.SessionMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: [] })).toThrow(core_1.MiddlewareConfigError);
    });
    it("one secret, or a list for rotation, compiles", () => {
        expect((0, core_1.SessionMiddlewareStack)((0, fake_connection_1.scopeRecorder)().app, { secret: ["new", "old"] }).name).toBe("cookieMiddleware");
    });
});
//# sourceMappingURL=middleware-options-types.test.js.map