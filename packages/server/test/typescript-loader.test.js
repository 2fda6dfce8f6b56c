"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const installed_project_1 = require("./installed-project");
let project;
beforeAll(() => {
    project = (0, installed_project_1.installedProject)();
    const app = `async function application(scope, receive, send) {
  await send({ type: "http.response.start", status: 200, headers: [] });
  await send({ type: "http.response.body", body: Buffer.from("js app") });
}`;
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(project.dir, "app.ts"), `export ${app.replace("(scope, receive, send)", "(scope: unknown, receive: unknown, send: (e: object) => Promise<void>)")}\n`);
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(project.dir, "app.js"), `${app}\nmodule.exports = { application };\n`);
});
afterAll(() => project.remove());
const processes = (0, test_fixtures_1.useProcesses)();
/** The installed command, run in the project the way npm's bin link runs it, without the monorepo around it. */
function channelsTs(args) {
    const env = { NODE_PATH: undefined, NODE_OPTIONS: undefined, TSX_TSCONFIG_PATH: undefined };
    return processes.start(process.execPath, [project.bin, ...args], { cwd: project.dir, env });
}
test("serving a .ts application without tsx installed says what to install, and exits 1", async () => {
    const child = channelsTs(["serve", "app.ts", "--port", "0"]);
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(child.stderr).toBe(`Cannot load ${(0, node_path_1.join)(project.dir, "app.ts")}: running a TypeScript application needs tsx, which is not installed; ` +
        "install it with `npm install --save-dev tsx`, or compile the application and serve the .js file.\n");
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
//# sourceMappingURL=typescript-loader.test.js.map