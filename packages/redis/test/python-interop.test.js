"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
const json_lines_peer_1 = require("./json-lines-peer");
const wire_json_1 = require("./wire-json");
const SCRIPT = (0, node_path_1.join)(__dirname, "python", "interop.py");
const why = test_fixtures_1.REDIS_SERVER === undefined
    ? "redis-server is not on PATH"
    : test_fixtures_1.PYTHON === undefined
        ? "no python3 can import channels_redis (Debian: python3-channels-redis)"
        : undefined;
if (why !== undefined)
    process.stderr.write(`!!! SKIPPED "channels_redis interop": ${why}.\n`); // Jest hides console output of all-skipped files
const describeInterop = why === undefined ? describe : describe.skip;
/** The Python peer: JSON lines out, one JSON line in. */
function startPeer(url, kind, key) {
    return new json_lines_peer_1.JsonLinesPeer((0, node_child_process_1.spawn)(test_fixtures_1.PYTHON, [SCRIPT, url, kind, ...(key ? [key] : [])], { stdio: "pipe" }));
}
function byType(messages) {
    return Object.fromEntries(messages.map((message) => [message.type, message]));
}
async function exchange(layer, python) {
    const ready = await python.next();
    const pythonChannel = ready.ready;
    const channel = await layer.newChannel();
    await layer.groupAdd("interop", channel);
    const receiving = (async () => {
        const received = [];
        for (let i = 0; i < 4; i++)
            received.push(await layer.receive(channel));
        return received;
    })();
    python.write({ ts_channel: channel });
    await layer.send(pythonChannel, { type: "ts.direct", text: "héllo from TypeScript" });
    await layer.send(pythonChannel, { type: "ts.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
    await layer.groupSend("interop", { type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
    const pyReceived = [];
    for (let i = 0; i < 4; i++)
        pyReceived.push((0, wire_json_1.fromJson)((await python.next()).received));
    expect(await python.next()).toEqual({ done: true });
    return { tsReceived: await receiving, pyReceived };
}
function expectBothWays({ tsReceived, pyReceived }) {
    const ts = byType(tsReceived);
    expect(ts["py.direct"]).toEqual({ type: "py.direct", text: "héllo from Python" });
    expect(ts["py.direct.bytes"]).toEqual({ type: "py.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
    expect(ts["py.group"]).toEqual({ type: "py.group", text: "to all", bytes: new Uint8Array([0x80, 0x70, 0x79]) });
    expect(ts["ts.group"]).toEqual({ type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
    const py = byType(pyReceived);
    expect(py["ts.direct"]).toEqual({ type: "ts.direct", text: "héllo from TypeScript" });
    expect(py["ts.direct.bytes"]).toEqual({ type: "ts.direct.bytes", bytes: new Uint8Array([0, 1, 254, 255]) });
    expect(py["ts.group"]).toEqual({ type: "ts.group", text: "to all", bytes: new Uint8Array([0x80, 0x74, 0x73]) });
    expect(py["py.group"]).toEqual({ type: "py.group", text: "to all", bytes: new Uint8Array([0x80, 0x70, 0x79]) });
}
describeInterop("interop with Python's channels_redis 4.x on one redis-server", () => {
    const server = (0, test_fixtures_1.useRedisServer)();
    let layer;
    let python;
    afterEach(async () => {
        python?.kill();
        await python?.exited;
        await layer?.close();
        layer = python = undefined;
    });
    it("RedisChannelLayer: group_send, groupSend and direct sends both ways, text and bytes", async () => {
        layer = new redis_1.RedisChannelLayer({ hosts: [server.url] });
        python = startPeer(server.url, "core");
        expectBothWays(await exchange(layer, python));
    });
    it("RedisChannelLayer with symmetricEncryptionKeys: Fernet tokens are read both ways", async () => {
        // channels-ts also holds an older key (MultiFernet rotation); it must not get in the way.
        layer = new redis_1.RedisChannelLayer({ hosts: [server.url], symmetricEncryptionKeys: ["interop-secret", "older-secret"] });
        layer.on("malformed", (event) => {
            throw new Error(`unexpected malformed data: ${event.reason}`);
        });
        python = startPeer(server.url, "core", "interop-secret");
        expectBothWays(await exchange(layer, python));
        expect(layer.malformedCount).toBe(0);
    });
    it("RedisPubSubChannelLayer: group_send, groupSend and direct sends both ways, text and bytes", async () => {
        layer = new redis_1.RedisPubSubChannelLayer({ hosts: [server.url] });
        python = startPeer(server.url, "pubsub");
        expectBothWays(await exchange(layer, python));
    });
});
//# sourceMappingURL=python-interop.test.js.map