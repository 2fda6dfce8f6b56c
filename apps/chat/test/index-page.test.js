"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const application_1 = require("../src/application");
const index_page_1 = require("../src/index-page");
async function get(path) {
    const response = await new core_1.HttpCommunicator(application_1.application, "GET", path).getResponse();
    return { status: response.status, html: response.body.toString("utf8") };
}
describe("the chat page", () => {
    it("GET /?num=N serves the page for room N with the tutorial's elements", async () => {
        const { status, html } = await get("/?num=7");
        expect(status).toBe(200);
        expect(html).toContain('id="message"');
        expect(html).toContain('id="txt"');
        expect(html).toContain('placeholder="请输入"');
        expect(html).toContain('value="发送"');
        expect(html).toContain('value="关闭"');
        expect(html).toContain("[连接成功]");
        expect(html).toContain('const room = "7";');
        expect(html).toContain("location.host");
        expect(html).not.toContain("127.0.0.1:8000");
    });
    it("without num, serves a usable page for the default room, not a room called None", async () => {
        const { status, html } = await get("/");
        expect(status).toBe(200);
        expect(html).toContain('const room = "lobby";');
        expect(html).not.toMatch(/None|undefined|null/);
    });
    it("escapes num for HTML and for the script", async () => {
        const { html } = await get(`/?num=${encodeURIComponent("</script><img src=x onerror=alert(1)>\"'")}`);
        expect(html).not.toContain("</script><img");
        expect(html).not.toContain("<img src=x");
        expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;");
        expect((0, index_page_1.scriptString)("</script>\u2028")).toBe('"\\u003c/script\\u003e\\u2028"');
        expect((0, index_page_1.renderPage)("a&b")).toContain("Room a&amp;b");
    });
    it("answers unknown paths with RouteNotFound (the server's 404)", async () => {
        const c = new core_1.HttpCommunicator(application_1.application, "GET", "/favicon.ico");
        await expect(c.getResponse()).rejects.toBeInstanceOf(core_1.RouteNotFound);
    });
});
//# sourceMappingURL=index-page.test.js.map