import { existsSync } from "node:fs";
import { HttpCommunicator, WebsocketCommunicator, type Headers } from "@channels-ts/core";
import { closed, nextFrame, startServer } from "@channels-ts/test-fixtures";
import { chromium } from "playwright-core";
import {
  application,
  fromCookie,
  fromEither,
  fromFirstMessage,
  fromHeader,
  fromSubprotocol,
  issueToken,
  verify,
} from "../docs/authentication/tokens";
import { openWithHeader } from "../docs/authentication/node-client";

const TOKEN = issueToken({ id: 1, name: "ada" });

async function greeting(
  app: typeof fromHeader,
  options: { headers?: Headers; subprotocols?: string[]; path?: string } = {},
) {
  const ws = new WebsocketCommunicator(app, options.path ?? "/", options);
  const result = await ws.connect();
  const text = result.connected ? await ws.receiveFrom() : undefined;
  await ws.disconnect();
  return { ...result, text };
}

describe("docs/authentication.md, in-process", () => {
  it("issues tokens that verify, and refuses forged or unknown ones", async () => {
    expect(TOKEN).toMatch(/^1\.[A-Za-z0-9_-]{43}$/);
    expect(await verify(TOKEN)).toEqual({ id: 1, name: "ada" });
    expect(await verify(TOKEN.slice(0, -1) + (TOKEN.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await verify(`2.${TOKEN.slice(2)}`)).toBeNull();
    expect(await verify("no-dot")).toBeNull();
  });

  it("each source lets the token's user in and refuses the connection without one", async () => {
    expect((await greeting(fromHeader, { headers: [["authorization", `Bearer ${TOKEN}`]] })).text).toBe("hello ada");
    expect(await greeting(fromSubprotocol, { subprotocols: ["access_token", TOKEN] })).toEqual({
      connected: true,
      subprotocol: "access_token",
      closeCode: null,
      text: "hello ada",
    });
    expect((await greeting(fromCookie, { headers: [["cookie", `access_token=${TOKEN}`]] })).text).toBe("hello ada");
    expect((await greeting(fromEither, { subprotocols: ["access_token", TOKEN] })).text).toBe("hello ada");
    for (const app of [fromHeader, fromSubprotocol, fromCookie, fromEither]) {
      expect((await greeting(app)).connected).toBe(false);
    }
    expect((await greeting(fromHeader, { path: `/?access_token=${TOKEN}` })).connected).toBe(false);
  });

  it("first message: the token within 5 s, else 4401", async () => {
    const ws = new WebsocketCommunicator(fromFirstMessage, "/");
    expect((await ws.connect()).connected).toBe(true);
    await ws.sendJsonTo({ token: TOKEN });
    expect(await ws.receiveFrom()).toBe("hello ada");
    await ws.disconnect();

    const forged = new WebsocketCommunicator(fromFirstMessage, "/");
    await forged.connect();
    await forged.sendJsonTo({ token: "1.forged" });
    expect(await forged.receiveOutput()).toEqual({ type: "websocket.close", code: 4401, reason: "token invalid" });
    await forged.disconnect(4401);
  });

  it("the login sets the token in an HttpOnly cookie; the cookie route checks the Origin", async () => {
    const response = await new HttpCommunicator(application, "POST", "/login/", "1").getResponse();
    expect(response.body.toString()).toBe(TOKEN);
    const cookie = response.headers.find(([name]) => name === "set-cookie")?.[1] ?? "";
    expect(cookie).toMatch(/^access_token=1\.[^;]+; Path=\/ws\/; HttpOnly; SameSite=Strict$/);
    const headers: Headers = [
      ["host", "example.com"],
      ["cookie", cookie.split(";")[0] as string],
    ];
    const sameSite = [...headers, ["origin", "http://example.com"]] as Headers;
    expect((await greeting(application, { path: "/ws/cookie/", headers: sameSite })).text).toBe("hello ada");
    const crossSite = [...headers, ["origin", "http://evil.example"]] as Headers;
    expect((await greeting(application, { path: "/ws/cookie/", headers: crossSite })).connected).toBe(false);
  });
});

describe("docs/authentication.md, through a live server", () => {
  it("the Node client's Authorization header", async () => {
    await using server = await startServer(application);
    const socket = openWithHeader(server.wsUrl(""), TOKEN);
    expect(String(await nextFrame(socket))).toBe("hello ada");
    const end = closed(socket);
    socket.close();
    await end;
  });

  const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(CHROMIUM))
    process.stderr.write(`!!! SKIPPED: the page's browser code needs Chromium at ${CHROMIUM}.\n`);
  (existsSync(CHROMIUM) ? it : it.skip)(
    "the page's browser code: subprotocol, cookie and first message",
    async () => {
      await using server = await startServer(application);
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/`);
        const log = page.locator("#log");
        for (const line of [
          "subprotocol: hello ada (access_token)",
          "cookie: hello ada (no subprotocol)",
          "first-message: hello ada (no subprotocol)",
          "forged: closed 4401",
        ]) {
          await log.filter({ hasText: line }).waitFor({ timeout: 10_000 });
        }
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
