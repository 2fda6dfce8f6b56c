"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
describe("ProtocolTypeRouter", () => {
    it("dispatches on scope.type and passes scope, receive and send through unchanged", async () => {
        const ws = (0, fake_app_1.fakeApp)();
        const http = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.ProtocolTypeRouter)({ websocket: ws, http });
        const scope = { type: "websocket" };
        let received = [];
        const spy = (0, core_1.ProtocolTypeRouter)({ websocket: async (...args) => void (received = args) });
        await router(scope, fake_app_1.receive, fake_app_1.send);
        await router({ type: "http" }, fake_app_1.receive, fake_app_1.send);
        await spy(scope, fake_app_1.receive, fake_app_1.send);
        expect(ws.scopes).toEqual([{ type: "websocket" }]);
        expect(http.scopes).toEqual([{ type: "http" }]);
        expect(received).toEqual([scope, fake_app_1.receive, fake_app_1.send]);
    });
    it("rejects an unknown type with an error naming it and the configured types", async () => {
        const router = (0, core_1.ProtocolTypeRouter)({ websocket: (0, fake_app_1.fakeApp)(), http: (0, fake_app_1.fakeApp)() });
        const error = await router({ type: "aprs" }, fake_app_1.receive, fake_app_1.send).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.UnknownProtocolType);
        expect(error.code).toBe("UNKNOWN_PROTOCOL_TYPE");
        expect(error.message).toContain('"aprs"');
        expect(error.message).toContain('"websocket", "http"');
    });
    it("rejects a scope without a type", async () => {
        const router = (0, core_1.ProtocolTypeRouter)({ http: (0, fake_app_1.fakeApp)() });
        await expect(router({ tyyyype: "http" }, fake_app_1.receive, fake_app_1.send)).rejects.toThrow(core_1.UnknownProtocolType);
    });
    it("does not treat Object.prototype names as configured types", async () => {
        const router = (0, core_1.ProtocolTypeRouter)({ http: (0, fake_app_1.fakeApp)() });
        await expect(router({ type: "toString" }, fake_app_1.receive, fake_app_1.send)).rejects.toThrow(core_1.UnknownProtocolType);
    });
    it("accepts custom types and skips undefined entries", async () => {
        const custom = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.ProtocolTypeRouter)({ http: undefined, "my.protocol": custom });
        await router({ type: "my.protocol" }, fake_app_1.receive, fake_app_1.send);
        expect(custom.scopes).toHaveLength(1);
        await expect(router({ type: "http" }, fake_app_1.receive, fake_app_1.send)).rejects.toThrow(/configured|entries for "my\.protocol"/);
    });
    it("rejects a consumer class where its application belongs, at construction", () => {
        class ChatConsumer {
        }
        expect(() => (0, core_1.ProtocolTypeRouter)({ websocket: ChatConsumer })).toThrow(core_1.NotAnApplication);
        expect(() => (0, core_1.ProtocolTypeRouter)({ websocket: ChatConsumer })).toThrow(/ChatConsumer\.asApp\(\)/);
    });
});
//# sourceMappingURL=protocol-type-router.test.js.map