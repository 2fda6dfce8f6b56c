import { HttpConsumer } from "@channels-ts/core";
import { CLIENT_BUNDLE_PATH } from "./client-bundle";
import { DEFAULT_ROOM, escapeHtml, scriptString } from "./index-page";

/**
 * The second page: the same room as the tutorial's, built on @channels-ts/client. It shows who is
 * here (presence), carries on through a server restart (the client reconnects with backoff and
 * sends what was typed meanwhile), and marks a line that could not be sent (no reply in time).
 */
export function renderLivePage(room: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Room ${escapeHtml(room)} (live)</title>
<style>
  body { font-family: sans-serif; margin: 2em; }
  main { display: flex; gap: 1em; }
  #messages { box-sizing: border-box; height: 300px; border: 1px solid #ddd; flex: 1; overflow: auto; padding: .5em; }
  #members { width: 12em; border: 1px solid #ddd; padding: .5em; margin: 0; list-style: none; }
  .failed { color: #b00; }
  .failed::after { content: " (not sent)"; }
  #status { color: #666; }
</style>
</head>
<body>
<h1>Room ${escapeHtml(room)} <small id="status">connecting…</small></h1>
<main>
  <div id="messages"></div>
  <ul id="members" aria-label="who is here"></ul>
</main>
<p>
  <input type="text" placeholder="Your name" id="name">
  <input type="text" placeholder="Say something" id="text">
  <button id="say">Send</button>
</p>
<script type="module">
  import { ChannelsClient } from ${scriptString(CLIENT_BUNDLE_PATH)};
  const room = ${scriptString(room)};
  const params = new URLSearchParams(location.search);
  const name = params.get("name") || "guest-" + Math.random().toString(36).slice(2, 6);
  document.getElementById("name").value = name;
  document.getElementById("name").disabled = true;
  // Built from the page's own host, so the page works behind any host name, port or TLS proxy.
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host +
    "/live/" + encodeURIComponent(room) + "/?name=" + encodeURIComponent(name);
  const client = new ChannelsClient(url, { initialDelayMs: 250, maxDelayMs: 5000 });
  const presence = client.presence(room + ".presence");
  const status = document.getElementById("status");
  const messages = document.getElementById("messages");

  function line(text, className) {
    const div = document.createElement("div");
    div.textContent = text;
    if (className) div.className = className;
    messages.appendChild(div);
    messages.scrollTop = messages.scrollHeight;
    return div;
  }
  client.onEvent("open", ({ reconnected }) => { status.textContent = reconnected ? "reconnected" : "connected"; });
  client.onEvent("reconnecting", ({ attempt, delayMs }) => {
    status.textContent = "reconnecting (attempt " + attempt + ", in " + delayMs + " ms)";
  });
  client.onEvent("close", ({ willReconnect }) => { if (!willReconnect) status.textContent = "disconnected"; });
  client.on("chat.message", ({ text }) => line(text));
  presence.onSync(() => {
    const list = document.getElementById("members");
    list.replaceChildren(...presence.list((key) => {
      const item = document.createElement("li");
      item.textContent = key;
      return item;
    }));
  });

  async function say() {
    const input = document.getElementById("text");
    const text = input.value;
    if (text === "") return;
    input.value = "";
    // Sent now, or queued while offline and sent on reconnect; marked if no reply comes in time.
    const pending = line(name + ": " + text, "pending");
    pending.hidden = true; // the room's echo shows it once it went; this one shows only a failure
    try {
      await client.request("chat.say", { text }, { timeoutMs: 5000 });
      pending.remove();
    } catch (error) {
      pending.hidden = false;
      pending.className = "failed";
      pending.title = String(error && error.message);
    }
  }
  document.getElementById("say").addEventListener("click", say);
  document.getElementById("text").addEventListener("keydown", (event) => { if (event.key === "Enter") say(); });
  window.chat = { client, presence };
</script>
</body>
</html>
`;
}

/** `GET /live/?num=N`: the live page for room N. */
export class LivePage extends HttpConsumer {
  override async handle(): Promise<void> {
    const num = new URLSearchParams(this.scope.query_string).get("num");
    const room = num === null || num.trim() === "" ? DEFAULT_ROOM : num;
    await this.sendResponse(200, renderLivePage(room), {
      headers: [
        ["content-type", "text/html; charset=utf-8"],
        ["cache-control", "no-store"],
      ],
    });
  }
}
