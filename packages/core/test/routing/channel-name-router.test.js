"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const fake_app_1 = require("./fake-app");
describe("ChannelNameRouter", () => {
    it("dispatches on scope.channel", async () => {
        const test = (0, fake_app_1.fakeApp)();
        const other = (0, fake_app_1.fakeApp)();
        const router = (0, core_1.ChannelNameRouter)({ test, other_test: other });
        await router({ type: "channel", channel: "test" }, fake_app_1.receive, fake_app_1.send);
        await router({ type: "channel", channel: "other_test" }, fake_app_1.receive, fake_app_1.send);
        expect(test.scopes).toEqual([{ type: "channel", channel: "test" }]);
        expect(other.scopes).toEqual([{ type: "channel", channel: "other_test" }]);
    });
    it("rejects an unknown channel with an error naming it and the configured ones", async () => {
        const router = (0, core_1.ChannelNameRouter)({ test: (0, fake_app_1.fakeApp)(), other_test: (0, fake_app_1.fakeApp)() });
        const error = await router({ type: "channel", channel: "chat" }, fake_app_1.receive, fake_app_1.send).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.UnknownChannelName);
        expect(error.code).toBe("UNKNOWN_CHANNEL_NAME");
        expect(error.message).toContain('"chat"');
        expect(error.message).toContain('"test", "other_test"');
    });
    it("rejects a scope without a channel key, naming the scope type", async () => {
        const router = (0, core_1.ChannelNameRouter)({ test: (0, fake_app_1.fakeApp)() });
        const error = await router({ type: "http" }, fake_app_1.receive, fake_app_1.send).catch((e) => e);
        expect(error).toBeInstanceOf(core_1.ScopeKeyMissing);
        expect(error.message).toMatch(/"channel".*"http"|"http".*"channel"/);
    });
    it("does not treat Object.prototype names as channels", async () => {
        const router = (0, core_1.ChannelNameRouter)({ test: (0, fake_app_1.fakeApp)() });
        await expect(router({ type: "channel", channel: "constructor" }, fake_app_1.receive, fake_app_1.send)).rejects.toThrow(core_1.UnknownChannelName);
    });
});
//# sourceMappingURL=channel-name-router.test.js.map