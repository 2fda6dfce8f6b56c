"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withCookies = exports.sameSite = exports.strict = exports.application = void 0;
const core_1 = require("@channels-ts/core");
const accounts = new Map([[1, { id: 1, name: "ada" }]]);
// #region auth
/** POST /login/ with body "1": logs account 1 in (sets the session cookie). */
class Login extends core_1.HttpConsumer {
    async handle(body) {
        const account = accounts.get(Number(Buffer.from(body).toString()));
        if (account === undefined)
            return this.sendResponse(403, "unknown account\n");
        await (0, core_1.login)(this.scope, account);
        await this.sendResponse(200, `logged in as ${account.name}\n`);
    }
}
class Whoami extends core_1.WebsocketConsumer {
    async connect() {
        const user = this.scope.user; // set by AuthMiddleware
        await this.accept();
        await this.send((0, core_1.isAuthenticated)(user) ? user.name : "anonymous");
    }
}
const options = {
    secret: process.env.SESSION_SECRET ?? "change-me", // signs the session cookie
    loadUser: async (id) => accounts.get(Number(id)) ?? null,
};
exports.application = (0, core_1.ProtocolTypeRouter)({
    http: (0, core_1.AuthMiddlewareStack)((0, core_1.URLRouter)([(0, core_1.path)("login/", Login.asApp())]), options),
    websocket: (0, core_1.AllowedHostsOriginValidator)((0, core_1.AuthMiddlewareStack)((0, core_1.URLRouter)([(0, core_1.path)("whoami/", Whoami.asApp())]), options)),
});
// #endregion auth
// #region origins
// Only pages from these origins may open a WebSocket (a missing Origin is refused unless "*").
exports.strict = (0, core_1.OriginValidator)(Whoami.asApp(), ["https://example.com", ".example.org"]);
// Without a list: the Origin must be the request's own Host.
exports.sameSite = (0, core_1.AllowedHostsOriginValidator)(Whoami.asApp());
// Cookies alone: scope.cookies is a plain { name: value } object.
exports.withCookies = (0, core_1.CookieMiddleware)(Whoami.asApp());
// #endregion origins
//# sourceMappingURL=middleware.js.map