import { existsSync } from "node:fs";
import { useProcesses, type TestProcess } from "@channels-ts/test-fixtures";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHAT_OPEN, spawnChat } from "./support/chat-process";

// Debian's Chromium, driven by playwright-core (no browser download); skipped loudly without it.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  process.stderr.write(`!!! SKIPPED: the live page suite needs Chromium at ${CHROMIUM} (apt-get install chromium).\n`);
}
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

(haveChromium ? describe : describe.skip)("the live page (built on @channels-ts/client) in a real browser", () => {
  const processes = useProcesses();
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(() => browser?.close());

  async function startChat(port: number): Promise<{ chat: TestProcess; port: number }> {
    const chat = spawnChat(processes, `chat :${port}`, { PORT: String(port), CHANNEL_LAYER: "memory" });
    const [, opened] = await chat.waitFor(CHAT_OPEN);
    return { chat, port: Number(opened) };
  }

  async function openLive(port: number, name: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/live/?num=7&name=${name}`);
    await page.locator("#status", { hasText: "connected" }).waitFor();
    return page;
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.fill("#text", text);
    await page.click("#say");
  }

  const members = (page: Page): Promise<string[]> => page.locator("#members li").allInnerTexts();

  it("shows who is here, hears the tutorial's page, marks a line it could not send, and carries on through a server restart", async () => {
    const { chat, port } = await startChat(0);
    const [alice, bob] = [await openLive(port, "alice"), await openLive(port, "bob")];
    const tutorial = await browser.newPage();
    await tutorial.goto(`http://127.0.0.1:${port}/?num=7`);
    await tutorial.locator("#message", { hasText: "[连接成功]" }).waitFor();

    // Who is here: both live pages (the tutorial's page does not track itself).
    await alice.locator("#members li", { hasText: "bob" }).waitFor();
    expect((await members(alice)).sort()).toEqual(["alice", "bob"]);

    // One room for both pages.
    await say(alice, "hello");
    await bob.locator("#messages div", { hasText: "alice: hello" }).waitFor();
    await tutorial.locator("#message div", { hasText: "alice: hello" }).waitFor();
    await tutorial.fill("#txt", "from the tutorial page");
    await tutorial.click('input[value="发送"]');
    await alice.locator("#messages div", { hasText: "from the tutorial page" }).waitFor();

    // The server goes away: the pages say so, and a line said meanwhile gets no reply in time.
    await chat.stop();
    await alice.locator("#status", { hasText: "reconnecting" }).waitFor();
    await say(alice, "into the void");
    await alice.locator("#messages .failed", { hasText: "alice: into the void" }).waitFor({ timeout: 15_000 });

    // Back on the same port: both pages reconnect, the list is whole again, and the next line reaches everyone.
    const again = await startChat(port);
    expect(again.port).toBe(port); // processes stops it at the end
    await alice.locator("#status", { hasText: "reconnected" }).waitFor({ timeout: 15_000 });
    await bob.locator("#status", { hasText: "reconnected" }).waitFor({ timeout: 15_000 });
    await alice.locator("#members li", { hasText: "bob" }).waitFor();
    await say(bob, "after the restart");
    await alice.locator("#messages div", { hasText: "bob: after the restart" }).waitFor();
    await bob.locator("#messages div", { hasText: "bob: after the restart" }).waitFor();
    expect(await bob.locator("#messages").innerText()).not.toContain("into the void");

    // A page that leaves leaves the list.
    await bob.close();
    await alice.locator("#members li", { hasText: "bob" }).waitFor({ state: "detached" });
    expect(await members(alice)).toEqual(["alice"]);
  }, 90_000);
});
