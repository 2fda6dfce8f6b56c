import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { useProcesses } from "@channels-ts/test-fixtures";
import { installedProject, type InstalledProject } from "./installed-project";

let project: InstalledProject;

beforeAll(() => {
  project = installedProject();
  const app = `async function application(scope, receive, send) {
  await send({ type: "http.response.start", status: 200, headers: [] });
  await send({ type: "http.response.body", body: Buffer.from("js app") });
}`;
  writeFileSync(
    join(project.dir, "app.ts"),
    `export ${app.replace("(scope, receive, send)", "(scope: unknown, receive: unknown, send: (e: object) => Promise<void>)")}\n`,
  );
  writeFileSync(join(project.dir, "app.js"), `${app}\nmodule.exports = { application };\n`);
});

afterAll(() => project.remove());
const processes = useProcesses();

/** The installed command, run in the project the way npm's bin link runs it, without the monorepo around it. */
function channelsTs(args: string[]) {
  const env = { NODE_PATH: undefined, NODE_OPTIONS: undefined, TSX_TSCONFIG_PATH: undefined };
  return processes.start(process.execPath, [project.bin, ...args], { cwd: project.dir, env });
}

test("serving a .ts application without tsx installed says what to install, and exits 1", async () => {
  const child = channelsTs(["serve", "app.ts", "--port", "0"]);
  const { code } = await child.exited;
  expect(code).toBe(1);
  expect(child.stderr).toBe(
    `Cannot load ${join(project.dir, "app.ts")}: running a TypeScript application needs tsx, which is not installed; ` +
      "install it with `npm install --save-dev tsx`, or compile the application and serve the .js file.\n",
  );
  expect(child.stderr).not.toContain("tsx/cjs/api");
});

test("the same installed command serves a .js application (the project is otherwise complete)", async () => {
  const child = channelsTs(["serve", "app.js", "--port", "0"]);
  const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
  const reply = await fetch(`http://127.0.0.1:${port}/`);
  expect(await reply.text()).toBe("js app");
  child.kill("SIGTERM");
  expect((await child.exited).code).toBe(0);
});
