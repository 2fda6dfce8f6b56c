import { NotAnApplication, ProtocolTypeRouter, UnknownProtocolType, type Scope } from "@channels-ts/core";
import { fakeApp, receive, send } from "./fake-app";

describe("ProtocolTypeRouter", () => {
  it("dispatches on scope.type and passes scope, receive and send through unchanged", async () => {
    const ws = fakeApp();
    const http = fakeApp();
    const router = ProtocolTypeRouter({ websocket: ws, http });
    const scope: Scope = { type: "websocket" };
    let received: unknown[] = [];
    const spy = ProtocolTypeRouter({ websocket: async (...args) => void (received = args) });

    await router(scope, receive, send);
    await router({ type: "http" }, receive, send);
    await spy(scope, receive, send);

    expect(ws.scopes).toEqual([{ type: "websocket" }]);
    expect(http.scopes).toEqual([{ type: "http" }]);
    expect(received).toEqual([scope, receive, send]);
  });

  it("rejects an unknown type with an error naming it and the configured types", async () => {
    const router = ProtocolTypeRouter({ websocket: fakeApp(), http: fakeApp() });
    const error = await router({ type: "aprs" }, receive, send).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownProtocolType);
    expect((error as UnknownProtocolType).code).toBe("UNKNOWN_PROTOCOL_TYPE");
    expect((error as Error).message).toContain('"aprs"');
    expect((error as Error).message).toContain('"websocket", "http"');
  });

  it("rejects a scope without a type", async () => {
    const router = ProtocolTypeRouter({ http: fakeApp() });
    await expect(router({ tyyyype: "http" } as unknown as Scope, receive, send)).rejects.toThrow(UnknownProtocolType);
  });

  it("does not treat Object.prototype names as configured types", async () => {
    const router = ProtocolTypeRouter({ http: fakeApp() });
    await expect(router({ type: "toString" }, receive, send)).rejects.toThrow(UnknownProtocolType);
  });

  it("accepts custom types and skips undefined entries", async () => {
    const custom = fakeApp();
    const router = ProtocolTypeRouter({ http: undefined, "my.protocol": custom });
    await router({ type: "my.protocol" }, receive, send);
    expect(custom.scopes).toHaveLength(1);
    await expect(router({ type: "http" }, receive, send)).rejects.toThrow(/configured|entries for "my\.protocol"/);
  });

  it("rejects a consumer class where its application belongs, at construction", () => {
    class ChatConsumer {}
    expect(() => ProtocolTypeRouter({ websocket: ChatConsumer as never })).toThrow(NotAnApplication);
    expect(() => ProtocolTypeRouter({ websocket: ChatConsumer as never })).toThrow(/ChatConsumer\.asApp\(\)/);
  });
});
