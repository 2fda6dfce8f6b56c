import { CookieMiddleware } from "../../src/middleware";
import { fakeConnection, httpScope, scopeRecorder, websocketScope } from "./fake-connection";

async function cookiesSeen(scope: ReturnType<typeof httpScope>) {
  const { app, seen } = scopeRecorder();
  const conn = fakeConnection();
  await CookieMiddleware(app)(scope, conn.receive, conn.send);
  return { ...(seen[0]?.["cookies"] as Record<string, string>) };
}

describe("CookieMiddleware", () => {
  it("puts the parsed cookie header in scope.cookies", async () => {
    expect(await cookiesSeen(websocketScope([["cookie", "a=1; b=2"]]))).toEqual({ a: "1", b: "2" });
  });

  it("reads several cookie headers as one", async () => {
    expect(
      await cookiesSeen(
        httpScope([
          ["cookie", "a=1"],
          ["host", "x"],
          ["cookie", "b=2"],
        ]),
      ),
    ).toEqual({ a: "1", b: "2" });
  });

  it("gives empty cookies without a cookie header or without headers at all", async () => {
    expect(await cookiesSeen(httpScope([]))).toEqual({});
    expect(await cookiesSeen({ type: "lifespan" })).toEqual({});
  });

  it("returns a named function", () => {
    expect(CookieMiddleware(scopeRecorder().app).name).toBe("cookieMiddleware");
  });
});
