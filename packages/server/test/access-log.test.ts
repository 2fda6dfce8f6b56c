import { formatAccessLine } from "../src/access-log";
import { closed, fetchText, recordingLogger, startServer } from "@channels-ts/test-fixtures";

test("formatAccessLine writes Daphne's format", () => {
  const line = formatAccessLine("127.0.0.1:53422", "GET /path", 200, 1234, new Date(2026, 10, 25, 20, 0, 0));
  expect(line).toBe('127.0.0.1:53422 - - [25/Nov/2026:20:00:00] "GET /path" 200 1234');
  expect(formatAccessLine("1.2.3.4:1", "WSCONNECT /room/1/", undefined, undefined, new Date(2026, 0, 5, 3, 4, 5))).toBe(
    '1.2.3.4:1 - - [05/Jan/2026:03:04:05] "WSCONNECT /room/1/" - -',
  );
});

test("requests and WebSocket lifecycles are logged, one line each, at info", async () => {
  const logger = recordingLogger();
  await using server = await startServer(
    async (scope, receive, send) => {
      if (scope.type === "http") {
        await send({ type: "http.response.start", status: 201, headers: [] });
        await send({ type: "http.response.body", body: Buffer.from("12345") });
      } else if (scope.type === "websocket") {
        await receive();
        await send({ type: "websocket.accept" });
        await receive();
      }
    },
    { logger },
  );
  await fetchText(`${server.url}/items?secret=1`);
  const ws = await server.openWs("/room/1/");
  const end = closed(ws);
  ws.close();
  await end;
  await logger.waitFor((e) => e.msg.includes("WSDISCONNECT"));
  const lines = logger.entries.filter((e) => e.level === "info" && e.msg.includes(" - - [")).map((e) => e.msg);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^127\.0\.0\.1:\d+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2}\] "GET \/items" 201 5$/);
  expect(lines.slice(1).map((l) => l.replace(/^.*\] /, ""))).toEqual([
    '"WSCONNECTING /room/1/" - -',
    '"WSCONNECT /room/1/" - -',
    '"WSDISCONNECT /room/1/" - -',
  ]);
});
