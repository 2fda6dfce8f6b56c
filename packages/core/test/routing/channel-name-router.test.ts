import { ChannelNameRouter, ScopeKeyMissing, UnknownChannelName, type Scope } from "@channels-ts/core";
import { fakeApp, receive, send } from "./fake-app";

describe("ChannelNameRouter", () => {
  it("dispatches on scope.channel", async () => {
    const test = fakeApp();
    const other = fakeApp();
    const router = ChannelNameRouter({ test, other_test: other });

    await router({ type: "channel", channel: "test" }, receive, send);
    await router({ type: "channel", channel: "other_test" }, receive, send);

    expect(test.scopes).toEqual([{ type: "channel", channel: "test" }]);
    expect(other.scopes).toEqual([{ type: "channel", channel: "other_test" }]);
  });

  it("rejects an unknown channel with an error naming it and the configured ones", async () => {
    const router = ChannelNameRouter({ test: fakeApp(), other_test: fakeApp() });
    const error = await router({ type: "channel", channel: "chat" }, receive, send).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownChannelName);
    expect((error as UnknownChannelName).code).toBe("UNKNOWN_CHANNEL_NAME");
    expect((error as Error).message).toContain('"chat"');
    expect((error as Error).message).toContain('"test", "other_test"');
  });

  it("rejects a scope without a channel key, naming the scope type", async () => {
    const router = ChannelNameRouter({ test: fakeApp() });
    const error = await router({ type: "http" } as Scope, receive, send).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScopeKeyMissing);
    expect((error as Error).message).toMatch(/"channel".*"http"|"http".*"channel"/);
  });

  it("does not treat Object.prototype names as channels", async () => {
    const router = ChannelNameRouter({ test: fakeApp() });
    await expect(router({ type: "channel", channel: "constructor" }, receive, send)).rejects.toThrow(
      UnknownChannelName,
    );
  });
});
