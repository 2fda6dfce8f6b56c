import { BaseMiddleware, type ScopeExtras } from "../../src/middleware";
import type { Receive, Scope, Send } from "../../src/types";
import { fakeConnection, scopeRecorder, websocketScope } from "./fake-connection";

class RequestIdMiddleware extends BaseMiddleware {
  private next = 0;
  protected override async populateScope(scope: Readonly<Scope>): Promise<ScopeExtras> {
    return { request_id: `${scope.type}-${++this.next}` };
  }
}

/** Overrides `call` to wrap `send`: tags every outgoing message. */
class TaggingMiddleware extends BaseMiddleware {
  override async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    return super.call(scope, receive, (event) => {
      const tagged = { ...event, tagged: true };
      return send(tagged);
    });
  }
}

describe("BaseMiddleware", () => {
  it("passes a copy of the scope with the populated keys inward", async () => {
    const { app, seen } = scopeRecorder();
    const scope = websocketScope();
    await new RequestIdMiddleware(app).call(scope, fakeConnection().receive, fakeConnection().send);
    expect(seen[0]).toEqual({ ...scope, request_id: "websocket-1" });
    expect(seen[0]).not.toBe(scope);
    expect(scope["request_id"]).toBeUndefined();
  });

  it("passes the scope through as a copy when populateScope adds nothing", async () => {
    const { app, seen } = scopeRecorder();
    const scope = websocketScope();
    await new BaseMiddleware(app).call(scope, fakeConnection().receive, fakeConnection().send);
    expect(seen[0]).toEqual(scope);
    expect(seen[0]).not.toBe(scope);
  });

  it("lets subclasses wrap send by overriding call", async () => {
    const conn = fakeConnection();
    const app = new TaggingMiddleware(async (_scope, _receive, send) => send({ type: "websocket.accept" })).asApp();
    await app(websocketScope(), conn.receive, conn.send);
    expect(conn.sent).toEqual([{ type: "websocket.accept", tagged: true }]);
  });

  it("asApp returns an application named after the subclass", () => {
    expect(new TaggingMiddleware(scopeRecorder().app).asApp().name).toBe("TaggingMiddleware");
  });
});
