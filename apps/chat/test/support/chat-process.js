"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHAT_OPEN = exports.REPO_ROOT = void 0;
exports.spawnChat = spawnChat;
exports.startChat = startChat;
const node_path_1 = require("node:path");
/** The repository root: `npm start` and tsx's tsconfig paths resolve from there. */
exports.REPO_ROOT = (0, node_path_1.join)(__dirname, "..", "..", "..", "..");
/** The chat's `chat: open http://127.0.0.1:PORT/?num=1` line. */
exports.CHAT_OPEN = /^chat: open http:\/\/127\.0\.0\.1:(\d+)\/\?num=1/m;
/** `tsx apps/chat/src/main.ts` as `npm start` runs it, on 127.0.0.1 and a free port, with `env` added. */
function spawnChat(processes, name, env) {
    return processes.start((0, node_path_1.join)(exports.REPO_ROOT, "node_modules", ".bin", "tsx"), ["apps/chat/src/main.ts"], {
        name,
        cwd: exports.REPO_ROOT,
        env: { HOST: "127.0.0.1", PORT: "0", ...env },
        detached: true, // tsx runs the app in a grandchild process
    });
}
/** The chat with the given Redis layer; resolves once it says where it listens. */
async function startChat(processes, layer, redisUrl, name = "chat") {
    const service = spawnChat(processes, `${name} (CHANNEL_LAYER=${layer})`, {
        CHANNEL_LAYER: layer,
        REDIS_URL: redisUrl,
    });
    const [, port] = await service.waitFor(exports.CHAT_OPEN);
    return { service, port: Number(port) };
}
//# sourceMappingURL=chat-process.js.map