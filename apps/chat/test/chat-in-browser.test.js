"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const playwright_core_1 = require("playwright-core");
const application_1 = require("../src/application");
// Debian's Chromium, driven by playwright-core: no browser download. The test command installs
// it as root; where it could not, this suite is reported as skipped, loudly, never as passed.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = (0, node_fs_1.existsSync)(CHROMIUM);
if (!haveChromium) {
    process.stderr.write(`!!! SKIPPED: the browser suite needs Chromium at ${CHROMIUM} (apt-get install chromium).\n`); // Jest hides console output of all-skipped files
}
const CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
(haveChromium ? describe : describe.skip)("the chat in a real browser", () => {
    let browser;
    beforeAll(async () => {
        browser = await playwright_core_1.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    }, 60_000);
    afterAll(() => browser?.close());
    // Declared in teardown order (Jest runs after-hooks as declared): pages, then server, then layer.
    const server = (0, test_fixtures_1.useServer)(application_1.application);
    (0, test_fixtures_1.useChannelLayer)({ per: "all" });
    async function openRoom(num) {
        const page = await browser.newPage();
        await page.goto(`${server().url}/?num=${num}`);
        await page.locator("#message", { hasText: "[连接成功]" }).waitFor();
        return page;
    }
    async function say(page, text) {
        await page.fill("#txt", text);
        await page.click('input[value="发送"]');
    }
    it("delivers to every page in the room and to no other room; the close button closes the socket", async () => {
        const [one, two, elsewhere] = [await openRoom("1"), await openRoom("1"), await openRoom("2")];
        await say(one, "hello from room one");
        await one.locator("#message div", { hasText: "hello from room one" }).waitFor();
        await two.locator("#message div", { hasText: "hello from room one" }).waitFor();
        // Room 2 hears its own message, and (checked once that has arrived) never room 1's.
        await say(elsewhere, "room two here");
        await elsewhere.locator("#message div", { hasText: "room two here" }).waitFor();
        expect(await elsewhere.locator("#message").innerText()).not.toContain("hello from room one");
        expect(await one.locator("#message").innerText()).not.toContain("room two here");
        await two.click('input[value="关闭"]');
        await two.locator("#message div", { hasText: "[断开连接]" }).waitFor();
        expect(await two.evaluate("socket.readyState")).toBe(3);
        // The room carries on without the closed page.
        await say(one, "after close");
        await one.locator("#message div", { hasText: "after close" }).waitFor();
        expect(await two.locator("#message").innerText()).not.toContain("after close");
    }, 60_000);
});
//# sourceMappingURL=chat-in-browser.test.js.map