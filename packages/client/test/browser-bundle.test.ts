import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { clientBundleOptions } from "./bundle-options";
import { ContractServer } from "./contract-server";

// Debian's Chromium, as the server's browser test: skipped loudly where it is missing, never passed.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stderr.write(`!!! SKIPPED: the client's browser test needs Chromium at ${CHROMIUM}.\n`);

/** Serves a blank page and the bundle (built as scripts/bundle.mjs builds it) from one origin. */
async function servePage(): Promise<{ url: string; server: Server }> {
  const result = await build({ ...clientBundleOptions(), write: false });
  const bundle = result.outputFiles[0]?.text ?? "";
  const server = createServer((request, response) => {
    const isBundle = request.url === "/channels-client.min.js";
    response.writeHead(200, { "content-type": isBundle ? "text/javascript" : "text/html" });
    response.end(isBundle ? bundle : "<!doctype html><title>client</title>");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

(haveChromium ? describe : describe.skip)("the bundle in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let http: { url: string; server: Server };
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    http = await servePage();
    page = await browser.newPage();
    await page.goto(http.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    http?.server.close();
  });

  it("imports as a module, uses the page's WebSocket, queues while the server is down and reconnects", async () => {
    await using ws = await ContractServer.start((frame, socket) => socket.send(JSON.stringify(frame)));
    // A string, not a function: the test is compiled to CommonJS, which would turn import() into require().
    await page.evaluate(`(async () => {
      const { ChannelsClient } = await import("/channels-client.min.js");
      const client = new ChannelsClient(${JSON.stringify(ws.url)}, { initialDelayMs: 50, maxDelayMs: 200 });
      window.heard = [];
      window.events = [];
      client.on("chat.message", ({ text }) => window.heard.push(text));
      for (const name of ["open", "reconnecting", "reconnected"]) client.onEvent(name, () => window.events.push(name));
      window.client = client;
      await client.once("open");
      client.send("chat.message", { text: "first" });
    })()`);
    await ws.framesReceived(1);
    // The server goes away; what the page sends meanwhile waits and goes out once it is back.
    await page.evaluate("window.reconnecting = window.client.once('reconnecting'); undefined");
    await ws.stop();
    await page.evaluate("window.reconnecting");
    expect(await page.evaluate("window.client.send('chat.message', { text: 'while down' })")).toBe(true);
    await ws.listen();
    await page.evaluate("window.client.state === 'open' || window.client.once('open')");
    expect((await ws.framesReceived(2)).map((frame) => frame["text"])).toEqual(["first", "while down"]);
    await page.waitForFunction("window.heard.length === 2");
    expect(await page.evaluate("window.heard")).toEqual(["first", "while down"]);
    const events = (await page.evaluate("window.events")) as string[];
    expect(events[0]).toBe("open");
    expect(events).toContain("reconnecting");
    expect(events.at(-1)).toBe("reconnected");
    await page.evaluate("window.client.close()");
  });
});
