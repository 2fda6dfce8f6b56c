import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serverDefaults } from "@channels-ts/server";

const repo = join(__dirname, "..", "..", "..");
const read = (path: string): string => readFileSync(join(repo, path), "utf8");

/** The rows of the markdown table whose first cell is `` `name` ``. */
function tableRow(doc: string, name: string): string | undefined {
  return doc.split("\n").find((line) => line.startsWith(`| \`${name}\``));
}

test.each(Object.keys(serverDefaults))(
  "option %s has a row in the README's options and in docs/deployment.md's defaults",
  (name) => {
    expect(tableRow(read("packages/server/README.md"), name)).toBeDefined();
    expect(tableRow(read("docs/deployment.md"), name)).toBeDefined();
  },
);

test("each documented limit's default is the one in serverDefaults", () => {
  const deployment = read("docs/deployment.md");
  for (const name of [
    "maxConnectionsPerAddress",
    "maxPendingHandshakes",
    "handshakeTimeoutMs",
    "maxMessagesPerSecond",
    "maxMessageBurst",
  ] as const) {
    expect(tableRow(deployment, name)).toContain(`\`${serverDefaults[name]}\``);
  }
});
