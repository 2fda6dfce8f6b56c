import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const root = join(__dirname, "..", "..");
const run = promisify(execFile);

test("examples/client/chat-client.ts runs as packages/client/README.md shows and prints what it says", async () => {
  const { stdout } = await run(process.execPath, [require.resolve("tsx/cli"), "examples/client/chat-client.ts"], {
    cwd: root,
    timeout: 15_000,
  });
  const lines = stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^Listening on TCP address 127\.0\.0\.1:\d+$/);
  expect(lines.slice(1)).toEqual([
    "someone: hello",
    "1 in the room",
    "refused: unknown_request",
    "not sent (closed): { type: 'chat.message', text: 'too late', user: 'me' }",
    "false",
  ]);
});
