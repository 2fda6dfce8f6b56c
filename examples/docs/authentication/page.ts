import { HttpConsumer } from "@channels-ts/core";

/**
 * GET /: a page that logs in and opens a socket each way a browser can carry a token, writing
 * what each answered into #log (the docs test reads it in Chromium). The script is the docs' own.
 */
const PAGE = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>tokens</title></head>
<body>
<pre id="log"></pre>
<script type="module">
  const log = (line) => (document.getElementById("log").textContent += line + "\\n");
  const base = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;
  const opened = (name, socket) => {
    socket.onmessage = (event) => log(name + ": " + event.data + " (" + (socket.protocol || "no subprotocol") + ")");
    socket.onclose = (event) => log(name + ": closed " + event.code);
    return socket;
  };
  // #region browser
  // Log in over HTTP: the token comes back in the body (and in an HttpOnly cookie).
  const token = await (await fetch("/login/", { method: "POST", body: "1" })).text();

  // In the subprotocol list; the server answers with "access_token", never the token.
  const viaSubprotocol = new WebSocket(base + "/ws/subprotocol/", ["access_token", token]);

  // In the cookie the login set: the browser sends it with the handshake.
  const viaCookie = new WebSocket(base + "/ws/cookie/");

  // In the first message, once the socket is open; a wrong or late token closes it with 4401.
  const viaFirstMessage = new WebSocket(base + "/ws/first-message/");
  viaFirstMessage.onopen = () => viaFirstMessage.send(JSON.stringify({ token }));
  // #endregion browser
  opened("subprotocol", viaSubprotocol);
  opened("cookie", viaCookie);
  opened("first-message", viaFirstMessage);
  const forged = opened("forged", new WebSocket(base + "/ws/first-message/"));
  forged.onopen = () => forged.send(JSON.stringify({ token: token + "x" }));
</script>
</body>
</html>
`;

export class TokenPage extends HttpConsumer {
  override async handle(): Promise<void> {
    await this.sendResponse(200, PAGE, { headers: [["content-type", "text/html; charset=utf-8"]] });
  }
}
