import { existsSync } from "node:fs";
import {
  HttpConsumer,
  ProtocolTypeRouter,
  safeEqual,
  TokenAuthMiddleware,
  WebsocketConsumer,
  type AuthScope,
} from "@channels-ts/core";
import { useServer } from "@channels-ts/test-fixtures";
import { chromium, type Browser } from "playwright-core";

// Debian's Chromium, as apps/chat's browser test: skipped loudly where it is missing, never passed.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  process.stderr.write(`!!! SKIPPED: the browser token test needs Chromium at ${CHROMIUM}.\n`);
}

// A JWT-shaped token: base64url parts and dots, all valid in a subprotocol name.
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

class Page extends HttpConsumer {
  override async handle(): Promise<void> {
    await this.sendResponse(200, "<!doctype html><title>token</title>", {
      headers: [["content-type", "text/html"]],
    });
  }
}

class Whoami extends WebsocketConsumer {
  override async connect(): Promise<void> {
    await this.accept();
    await this.send(String((this.scope as unknown as AuthScope<{ id: number }>).user.id));
  }
}

const application = ProtocolTypeRouter({
  http: Page.asApp(),
  websocket: TokenAuthMiddleware(Whoami.asApp(), {
    verify: (token) => (safeEqual(token, TOKEN) ? { id: 1 } : null),
    from: "subprotocol",
  }),
});

(haveChromium ? describe : describe.skip)("a browser sends its token in the subprotocol list", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 60_000);
  afterAll(() => browser?.close());
  const server = useServer(application);

  it("opens with new WebSocket(url, ['access_token', token]), gets protocol access_token, and the user", async () => {
    const page = await browser.newPage();
    await page.goto(server().url);
    const outcome = await page.evaluate(
      ([url, token]) =>
        new Promise<{ protocol: string; first: string } | { closed: number }>((resolve) => {
          const ws = new WebSocket(url as string, ["access_token", token as string]);
          ws.onmessage = (event) => resolve({ protocol: ws.protocol, first: String(event.data) });
          ws.onclose = (event) => resolve({ closed: event.code });
        }),
      [server().url.replace(/^http/, "ws") + "/", TOKEN],
    );
    expect(outcome).toEqual({ protocol: "access_token", first: "1" });

    const refused = await page.evaluate(
      (url) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url, ["access_token", "forged"]);
          ws.onclose = (event) => resolve(event.code);
        }),
      server().url.replace(/^http/, "ws") + "/",
    );
    expect(refused).toBe(1006); // the handshake got 403: a browser only sees an abnormal close
    await page.close();
  });
});
