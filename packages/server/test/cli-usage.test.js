"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const cli_1 = require("../src/cli");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const bin = (0, node_path_1.join)(__dirname, "..", "bin", "channels-ts.js");
const app = (0, node_path_1.join)(__dirname, "fixtures", "plain-app.ts");
const version = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, "..", "package.json"), "utf8"))
    .version;
const processes = (0, test_fixtures_1.useProcesses)();
/** The variables the CLI reads, unset, so that the developer's own do not change what it does. */
const UNSET = { HOST: undefined, PORT: undefined, LOG_LEVEL: undefined, ACCESS_LOG: undefined };
class ExitCalled extends Error {
    code;
    constructor(code) {
        super(`process.exit(${code})`);
        this.code = code;
    }
}
/** Runs the CLI to completion with `env` added to a copy of this process's (HOST, PORT, ... removed). */
async function cli(args, env = {}) {
    const child = processes.start(process.execPath, [bin, ...args], { env: { ...UNSET, ...env } });
    const { code } = await child.exited;
    return { code, stdout: child.stdout, stderr: child.stderr };
}
describe("help and version", () => {
    test.each([
        [["--help"], /^Usage: channels-ts <command>/],
        [["-h"], /^Usage: channels-ts <command>/],
        [[], /^Usage: channels-ts <command>/],
        [
            ["serve", "--help"],
            /^Usage: channels-ts serve <module>\[:export\] \[options\][\s\S]*--log-level[\s\S]*--no-access-log/,
        ],
        [["serve", app, "--port", "abc", "-h"], /^Usage: channels-ts serve/],
        [["worker", "--help"], /^Usage: channels-ts worker <module>\[:export\] <channel>/],
    ])("channels-ts %j prints usage on stdout and exits 0", async (args, usage) => {
        const result = await cli(args);
        expect(result).toMatchObject({ code: 0, stderr: "" });
        expect(result.stdout).toMatch(usage);
    });
    test.each([["--version"], ["-v"]])("channels-ts %s prints the package version", async (flag) => {
        expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    });
});
describe("usage errors exit 2 with one line naming the flag or value, and a pointer to --help", () => {
    const cases = [
        [["serve", app, "--prot", "8000"], {}, "channels-ts serve: unknown option --prot", "serve"],
        [["serve", app, "--port"], {}, "channels-ts serve: option --port needs a value", "serve"],
        [["serve", app, "--port", "abc"], {}, 'option --port must be a port number from 0 to 65535, got "abc"', "serve"],
        [["serve", app, "--port=65536"], {}, 'option --port must be a port number from 0 to 65535, got "65536"', "serve"],
        [["serve", app, "--port", "-1"], {}, 'option --port must be a port number from 0 to 65535, got "-1"', "serve"],
        [
            ["serve", app],
            { PORT: "abc" },
            'environment variable PORT must be a port number from 0 to 65535, got "abc"',
            "serve",
        ],
        [["serve", app, "--lifespan", "maybe"], {}, 'option --lifespan must be one of auto, on, off, got "maybe"', "serve"],
        [
            ["serve", app, "--log-level", "loud"],
            {},
            'option --log-level must be one of debug, info, warn, error, silent, got "loud"',
            "serve",
        ],
        [
            ["serve", app],
            { LOG_LEVEL: "verbose" },
            'environment variable LOG_LEVEL must be one of debug, info, warn, error, silent, got "verbose"',
            "serve",
        ],
        [
            ["serve", app],
            { ACCESS_LOG: "maybe" },
            'environment variable ACCESS_LOG="maybe" must be 1 or 0 (or true/false)',
            "serve",
        ],
        [["serve", app, "--access-log=no"], {}, 'option --access-log takes no value (got "no")', "serve"],
        [["serve", app, "--root-path", "api"], {}, 'option --root-path: expected a path starting with "/"', "serve"],
        [["serve"], {}, "channels-ts serve: missing <module>[:export]", "serve"],
        [["worker", app], {}, "channels-ts worker: missing <channel>", "worker"],
        [["worker", app, "jobs", "--alais", "x"], {}, "channels-ts worker: unknown option --alais", "worker"],
        [["srve", app], {}, 'channels-ts: unknown command "srve": the commands are serve and worker', ""],
        [["--verbose"], {}, "channels-ts: unknown option --verbose", ""],
    ];
    /** Runs the CLI in this process, with process.exit and stderr captured. */
    async function inProcess(args, env) {
        const saved = { ...process.env };
        for (const name of ["HOST", "PORT", "LOG_LEVEL", "ACCESS_LOG"])
            delete process.env[name];
        Object.assign(process.env, env);
        let stderr = "";
        const write = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
            stderr += String(chunk);
            return true;
        });
        const exit = jest.spyOn(process, "exit").mockImplementation((code) => {
            throw new ExitCalled(Number(code));
        });
        try {
            await (0, cli_1.run)(args);
            return { code: undefined, stderr };
        }
        catch (err) {
            if (err instanceof ExitCalled)
                return { code: err.code, stderr };
            throw err;
        }
        finally {
            write.mockRestore();
            exit.mockRestore();
            process.env = saved;
        }
    }
    test.each(cases)("%j %j", async (args, env, message, command) => {
        const result = await inProcess(args, env);
        const name = command === "" ? "channels-ts" : `channels-ts ${command}`;
        expect(result.code).toBe(2);
        const lines = result.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(2);
        expect(lines[0]).toContain(message);
        expect(lines[1]).toBe(`Run "${name} --help" for usage.`);
    });
    test.each([
        [["serve", app, "--port", "abc"], {}],
        [["serve", app], { PORT: "99999" }],
        [["frobnicate"], {}],
    ])("the real command %j %j exits 2, with nothing on stdout", async (args, env) => {
        const result = await cli(args, env);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^channels-ts.*: .*\nRun "channels-ts.* --help" for usage\.\n$/);
    });
});
describe("log level and access log: flags, else environment variables", () => {
    const unsupportedLifespan = /ASGI lifespan protocol appears unsupported/;
    /** Serves the fixture on a free port, fetches `/x` once, stops it with SIGTERM and returns its output. */
    async function serveOnce(args, env = {}) {
        const child = processes.start(process.execPath, [bin, "serve", app, "--port", "0", ...args], {
            env: { ...UNSET, ...env },
        });
        const [, port] = await child.waitFor(/Listening on TCP address 127\.0\.0\.1:(\d+)/);
        expect((await (0, test_fixtures_1.fetchText)(`http://127.0.0.1:${port}/x`)).body).toBe("plain");
        child.kill("SIGTERM");
        const { code } = await child.exited;
        expect(code).toBe(0);
        return { stdout: child.stdout, stderr: child.stderr };
    }
    test.each([
        [[], {}, false],
        [["--log-level", "debug"], {}, true],
        [[], { LOG_LEVEL: "debug" }, true],
        [["--log-level", "info"], { LOG_LEVEL: "debug" }, false],
    ])("%j %j: debug lines shown: %s", async (args, env, shown) => {
        const { stderr } = await serveOnce(args, env);
        if (shown)
            expect(stderr).toMatch(unsupportedLifespan);
        else
            expect(stderr).not.toMatch(unsupportedLifespan);
    });
    test.each([
        [[], {}, true],
        [["--no-access-log"], {}, false],
        [[], { ACCESS_LOG: "0" }, false],
        [["--access-log"], { ACCESS_LOG: "0" }, true],
    ])("%j %j: access lines logged: %s", async (args, env, logged) => {
        const { stdout } = await serveOnce(args, env);
        expect(stdout).toContain("Listening on TCP address");
        if (logged)
            expect(stdout).toMatch(/"GET \/x" 200 5/);
        else
            expect(stdout).not.toContain('"GET /x"');
    });
    test("a startup error is printed even with --log-level silent", async () => {
        const result = await cli(["serve", `${app}:nothing`, "--log-level", "silent"]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('no "nothing" export');
    });
});
//# sourceMappingURL=cli-usage.test.js.map