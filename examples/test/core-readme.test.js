"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const core = __importStar(require("@channels-ts/core"));
const core_1 = require("@channels-ts/core");
const redis = __importStar(require("@channels-ts/redis"));
const server = __importStar(require("@channels-ts/server"));
const root = (0, node_path_1.join)(__dirname, "..", "..");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
/** Runs an example as a reader would (`npx tsx file`) and gives back what it printed. */
async function runExample(file) {
    const { stdout } = await run(process.execPath, [require.resolve("tsx/cli"), file], { cwd: root, timeout: 15_000 });
    return stdout.trimEnd().split("\n");
}
const PACKAGES = { core, server, redis };
/** Arguments that build an instance with the row's code, for the classes whose constructors need more than strings. */
const CONSTRUCT = {
    UnknownProtocolType: { UNKNOWN_PROTOCOL_TYPE: ["x", ["websocket"]] },
    UnknownChannelName: { UNKNOWN_CHANNEL_NAME: ["x", ["jobs"]] },
    ChannelReceiveAborted: { CHANNEL_LAYER_CLOSED: ["x", "closed"], CHANNEL_DISCARDED: ["x", "discarded"] },
};
/** The rows of the README's error table: code, the classes in backticks, the package column. */
function errorRows(readme) {
    return [...readme.matchAll(/^\| `([A-Z_]+)` +\|([^|]*)\|([^|]*)\|/gm)].map((m) => ({
        code: m[1],
        classes: [...m[2].matchAll(/`(\w+)`/g)].map((c) => c[1]),
        pkg: m[3].trim(),
    }));
}
describe("packages/core/README.md", () => {
    const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, "packages/core/README.md"), "utf8");
    it("documents every ErrorCode, once, in its error table", () => {
        const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
        expect([...documented].sort()).toEqual(Object.values(core_1.ErrorCode).sort());
        for (const [key, code] of Object.entries(core_1.ErrorCode))
            expect(code).toBe(key);
    });
    it("names, for each code, classes its package exports, which extend ChannelsError and carry that code", () => {
        const rows = errorRows(readme).filter((row) => row.pkg !== "apps/chat"); // the app is no package to import
        expect(rows.length).toBe(Object.keys(core_1.ErrorCode).length - 1);
        const problems = [];
        for (const { code, classes, pkg } of rows) {
            const name = pkg.split(" ")[0];
            const exports = PACKAGES[name];
            if (exports === undefined || classes.length === 0)
                problems.push(`${code}: no class, or no package (${pkg})`);
            for (const className of classes) {
                const where = `${code}: ${className} from @channels-ts/${name}`;
                const exported = exports?.[className];
                if (exported === core_1.ChannelsError)
                    continue; // the base class carries whatever code it is given
                if (typeof exported !== "function" || !(exported.prototype instanceof core_1.ChannelsError)) {
                    problems.push(`${where} is not an exported class extending ChannelsError`);
                    continue;
                }
                const args = CONSTRUCT[className]?.[code] ?? ["x", "y", "z"];
                const instance = new exported(...args);
                if (instance.code !== code)
                    problems.push(`${where}: an instance has code ${instance.code}`);
            }
        }
        expect(problems).toEqual([]);
    });
    it("quick start: the consumer accepts and echoes to its group, as the comments say", async () => {
        expect(await runExample("examples/core/quick-start.ts")).toEqual([
            "{ connected: true, subprotocol: null, closeCode: null }",
            "hello",
        ]);
    });
    it("error codes: a send to a full channel is caught by its code", async () => {
        expect(await runExample("examples/core/error-codes.ts")).toEqual(["dropped: CHANNEL_FULL"]);
    });
    it("layer kit: options resolve over the defaults and validators reject bad names", async () => {
        expect(await runExample("examples/core/layer-kit.ts")).toEqual(["30000 86400000", "10 100", "TypeError"]);
    });
});
//# sourceMappingURL=core-readme.test.js.map