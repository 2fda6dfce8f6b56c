"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IndexPage = exports.DEFAULT_ROOM = void 0;
exports.escapeHtml = escapeHtml;
exports.scriptString = scriptString;
exports.renderPage = renderPage;
const core_1 = require("@channels-ts/core");
/** The room a page without `?num=` joins: a usable page, never a room called "None". */
exports.DEFAULT_ROOM = "lobby";
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/** A JSON string literal that is also safe inside an inline <script> element. */
function scriptString(text) {
    return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function renderPage(room) {
    return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>Room ${escapeHtml(room)}</title>
<style>
  body { font-family: sans-serif; margin: 2em; }
  .message { box-sizing: border-box; height: 300px; border: 1px solid #ddd; width: 100%; overflow: auto; margin-bottom: 1em; padding: .5em; }
</style>
</head>
<body>
<h1>Room ${escapeHtml(room)}</h1>
<div class="message" id="message"></div>
<div>
  <input type="text" placeholder="请输入" id="txt">
  <input type="button" value="发送" id="send" onclick="sendMessage()">
  <input type="button" value="关闭" id="close" onclick="closeConn()">
</div>
<script>
  const room = ${scriptString(room)};
  // Built from the page's own host, so the page works behind any host name, port or TLS proxy.
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/room/" + encodeURIComponent(room) + "/";
  const socket = new WebSocket(url);
  function show(text) {
    const tag = document.createElement("div");
    tag.innerText = text;
    document.getElementById("message").appendChild(tag);
  }
  socket.onopen = function () { show("[连接成功]"); };
  socket.onmessage = function (event) {
    if (typeof event.data === "string") show(event.data);
    else event.data.text().then(show);
  };
  socket.onclose = function () { show("[断开连接]"); };
  function sendMessage() {
    const tag = document.getElementById("txt");
    socket.send(tag.value);
    tag.value = "";
  }
  function closeConn() { socket.close(); }
  document.getElementById("txt").addEventListener("keydown", function (event) {
    if (event.key === "Enter") sendMessage();
  });
</script>
</body>
</html>
`;
}
/** `GET /?num=N`: the chat page for room N. */
class IndexPage extends core_1.HttpConsumer {
    async handle() {
        const num = new URLSearchParams(this.scope.query_string).get("num");
        const room = num === null || num.trim() === "" ? exports.DEFAULT_ROOM : num;
        await this.sendResponse(200, renderPage(room), {
            headers: [
                ["content-type", "text/html; charset=utf-8"],
                ["cache-control", "no-store"],
            ],
        });
    }
}
exports.IndexPage = IndexPage;
//# sourceMappingURL=index-page.js.map