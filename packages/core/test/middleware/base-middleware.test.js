"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const middleware_1 = require("../../src/middleware");
const fake_connection_1 = require("./fake-connection");
class RequestIdMiddleware extends middleware_1.BaseMiddleware {
    next = 0;
    async populateScope(scope) {
        return { request_id: `${scope.type}-${++this.next}` };
    }
}
/** Overrides `call` to wrap `send`: tags every outgoing message. */
class TaggingMiddleware extends middleware_1.BaseMiddleware {
    async call(scope, receive, send) {
        return super.call(scope, receive, (event) => {
            const tagged = { ...event, tagged: true };
            return send(tagged);
        });
    }
}
describe("BaseMiddleware", () => {
    it("passes a copy of the scope with the populated keys inward", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const scope = (0, fake_connection_1.websocketScope)();
        await new RequestIdMiddleware(app).call(scope, (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(seen[0]).toEqual({ ...scope, request_id: "websocket-1" });
        expect(seen[0]).not.toBe(scope);
        expect(scope["request_id"]).toBeUndefined();
    });
    it("passes the scope through as a copy when populateScope adds nothing", async () => {
        const { app, seen } = (0, fake_connection_1.scopeRecorder)();
        const scope = (0, fake_connection_1.websocketScope)();
        await new middleware_1.BaseMiddleware(app).call(scope, (0, fake_connection_1.fakeConnection)().receive, (0, fake_connection_1.fakeConnection)().send);
        expect(seen[0]).toEqual(scope);
        expect(seen[0]).not.toBe(scope);
    });
    it("lets subclasses wrap send by overriding call", async () => {
        const conn = (0, fake_connection_1.fakeConnection)();
        const app = new TaggingMiddleware(async (_scope, _receive, send) => send({ type: "websocket.accept" })).asApp();
        await app((0, fake_connection_1.websocketScope)(), conn.receive, conn.send);
        expect(conn.sent).toEqual([{ type: "websocket.accept", tagged: true }]);
    });
    it("asApp returns an application named after the subclass", () => {
        expect(new TaggingMiddleware((0, fake_connection_1.scopeRecorder)().app).asApp().name).toBe("TaggingMiddleware");
    });
});
//# sourceMappingURL=base-middleware.test.js.map