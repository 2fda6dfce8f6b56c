import { formatAccessLine } from "../src/access-log";
import { recordingLogger, startServer } from "@channels-ts/test-fixtures";

const date = new Date(2026, 10, 25, 20, 0, 0);

test("control characters, quotes and backslashes in logged fields are written as \\xNN", () => {
  expect(formatAccessLine("1.2.3.4:5", 'GET /a\nb\r"c"\\d\u0000\u001b[31m\u007f\u0085', 200, 1, date)).toBe(
    '1.2.3.4:5 - - [25/Nov/2026:20:00:00] "GET /a\\x0ab\\x0d\\x22c\\x22\\x5cd\\x00\\x1b[31m\\x7f\\x85" 200 1',
  );
  // Line separators and bidi overrides would split or disguise a line in a viewer.
  expect(formatAccessLine("x\u2028y", "GET /\u202egnp.exe", undefined, undefined, date)).toBe(
    'x\\u2028y - - [25/Nov/2026:20:00:00] "GET /\\u202egnp.exe" - -',
  );
});

test("ordinary text, including non-ASCII letters, is logged as is", () => {
  expect(formatAccessLine("[::1]:80", "GET /café/日本/😀 ok", 200, 5, date)).toBe(
    '[::1]:80 - - [25/Nov/2026:20:00:00] "GET /café/日本/😀 ok" 200 5',
  );
});

test("a WebSocket path that percent-decodes to a newline cannot forge an access-log line", async () => {
  const logger = recordingLogger();
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type !== "websocket") return;
      await receive();
      await send({ type: "websocket.close" });
    },
    { logger },
  );
  const forged = "/x%0A10.0.0.1:1234%20-%20-%20%5B25/Nov/2026:20:00:00%5D%20%22GET%20/admin%22%20200%200";
  expect(await server.refusal(forged)).toBe(403); // closed before accept
  await logger.waitFor((e) => e.msg.includes("WSREJECT"));
  const lines = logger.entries.filter((e) => e.msg.includes(" - - [")).map((e) => e.msg);
  expect(lines).toHaveLength(2);
  for (const line of lines) {
    expect(line).not.toMatch(/[\n\r]/);
    expect(line).toMatch(
      /"WS(CONNECTING|REJECT) \/x\\x0a10\.0\.0\.1:1234 - - \[25\/Nov\/2026:20:00:00\] \\x22GET \/admin\\x22 200 0" (- -|403 -)$/,
    );
  }
});
