"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IndexPage = void 0;
const core_1 = require("@channels-ts/core");
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/** A JSON string that is also safe inside a <script> element (Django's json_script does the same). */
function scriptString(text) {
    return JSON.stringify(text).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
/** The tutorial's index.html: a message area, a text box and two buttons, for room `room`. */
function renderPage(room) {
    return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>Room ${escapeHtml(room)}</title>
<style>
  .message { box-sizing: border-box; height: 300px; border: 1px solid #ddd; width: 100%; overflow: auto; }
</style>
</head>
<body>
<div class="message" id="message"></div>
<div>
  <input type="text" placeholder="请输入" id="txt">
  <input type="button" value="发送" onclick="sendMessage()">
  <input type="button" value="关闭" onclick="closeConn()">
</div>
<script>
  const room = ${scriptString(room)};
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/room/" + encodeURIComponent(room) + "/";
  const socket = new WebSocket(url);
  function show(text) {
    const tag = document.createElement("div");
    tag.innerText = text;
    document.getElementById("message").appendChild(tag);
  }
  socket.onopen = function () { show("[连接成功]"); };
  socket.onmessage = function (event) { show(event.data); };
  socket.onclose = function () { show("[断开连接]"); };
  function sendMessage() {
    const tag = document.getElementById("txt");
    socket.send(tag.value);
    tag.value = "";
  }
  function closeConn() { socket.close(); }
</script>
</body>
</html>
`;
}
/** `GET /?num=N`: the page of room N (the Django view `index`). */
class IndexPage extends core_1.HttpConsumer {
    async handle() {
        const num = new URLSearchParams(this.scope.query_string).get("num");
        const room = num === null || num.trim() === "" ? "lobby" : num;
        await this.sendResponse(200, renderPage(room), {
            headers: [["content-type", "text/html; charset=utf-8"]],
        });
    }
}
exports.IndexPage = IndexPage;
//# sourceMappingURL=page.js.map