"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@channels-ts/core");
const redis_1 = require("@channels-ts/redis");
const test_fixtures_1 = require("@channels-ts/test-fixtures");
// A long operationTimeoutMs proves that nothing below waits for it: a host never reached fails at once.
const LONG_MS = 60_000;
const layers = [
    [
        "RedisChannelLayer",
        (url) => new redis_1.RedisChannelLayer({ hosts: [url], operationTimeoutMs: LONG_MS, reconnectMaxDelayMs: 100 }),
    ],
    [
        "RedisPubSubChannelLayer",
        (url) => new redis_1.RedisPubSubChannelLayer({ hosts: [url], operationTimeoutMs: LONG_MS, reconnectMaxDelayMs: 100 }),
    ],
];
(0, test_fixtures_1.describeWithRedis)("a Redis host that is not running when the layer starts", () => {
    let server;
    let url;
    beforeAll(async () => {
        // Started, then stopped: a port where no Redis listens now and where one can come up later.
        server = await test_fixtures_1.RedisServer.start();
        url = server.url;
        await server.stop();
    });
    afterAll(() => server.stop());
    it.each(layers)("%s: connect() reports it at once, operations fail fast, and the layer works once Redis is up", async (_name, make) => {
        const layer = make(url);
        try {
            const down = new Promise((resolve) => layer.once("down", resolve));
            const started = Date.now();
            const failure = await layer.connect().then(() => undefined, (error) => error);
            expect(failure).toBeInstanceOf(redis_1.RedisHostUnavailable);
            expect(failure).toMatchObject({ code: "REDIS_HOST_UNAVAILABLE", host: url, downForMs: undefined });
            expect(failure.message).toContain(`Redis host ${url} is unreachable (`);
            expect(failure.message).toContain("ECONNREFUSED");
            expect(await down).toMatchObject({
                host: url,
                firstConnection: true,
                error: expect.objectContaining({ code: "ECONNREFUSED" }),
            });
            expect(layer.unavailable).toBe(failure);
            const someChannel = "specific.abc!def";
            await expect(layer.groupAdd("room", someChannel)).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
            await expect(layer.groupSend("room", { type: "lost" })).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
            await expect(layer.send(someChannel, { type: "lost" })).rejects.toBeInstanceOf(redis_1.RedisHostUnavailable);
            expect(Date.now() - started).toBeLessThan(LONG_MS / 10);
            const up = new Promise((resolve) => layer.once("up", resolve));
            await server.restart();
            await up;
            expect(layer.unavailable).toBeUndefined();
            await expect(layer.connect()).resolves.toBeUndefined();
            const channel = await layer.newChannel();
            await layer.groupAdd("room", channel);
            await layer.groupSend("room", { type: "after" });
            await expect(layer.receive(channel)).resolves.toEqual({ type: "after" });
        }
        finally {
            await layer.close();
            await server.stop();
        }
    });
    it.each(layers)("%s: close() settles a connect() still waiting", async (_name, make) => {
        await server.restart();
        try {
            const layer = make(url);
            const connecting = layer.connect();
            await layer.close();
            await expect(connecting).rejects.toBeInstanceOf(core_1.ChannelLayerClosed);
            await expect(layer.connect()).rejects.toBeInstanceOf(core_1.ChannelLayerClosed);
        }
        finally {
            await server.stop();
        }
    });
});
(0, test_fixtures_1.describeWithRedis)("the down event", () => {
    let server;
    beforeAll(async () => {
        server = await test_fixtures_1.RedisServer.start();
    });
    afterAll(() => server.stop());
    it.each(layers)("%s: carries an error saying why, even when Redis closed the connection cleanly", async (_name, make) => {
        const layer = make(server.url);
        try {
            await layer.connect();
            const down = new Promise((resolve) => layer.once("down", resolve));
            await server.stop();
            const event = await down;
            expect(event.firstConnection).toBe(false);
            expect(event.error.message).toMatch(/\S/);
            // An outage after a successful start still waits (a restart is brief): nothing is unavailable yet.
            expect(layer.unavailable).toBeUndefined();
            const up = new Promise((resolve) => layer.once("up", resolve));
            await server.restart();
            await up;
        }
        finally {
            await layer.close();
        }
    });
    it.each(layers)("%s: close() rejects operations waiting on a host that went down after the start", async (_name, make) => {
        const layer = make(server.url);
        try {
            await layer.connect();
            const down = new Promise((resolve) => layer.once("down", resolve));
            await server.stop();
            await down;
            const channel = "specific.abc!def";
            const pending = [layer.send(channel, { type: "x" }), layer.groupSend("g", { type: "x" })];
            await layer.close();
            for (const operation of pending)
                await expect(operation).rejects.toBeInstanceOf(core_1.ChannelLayerClosed);
        }
        finally {
            await layer.close();
            await server.restart();
        }
    });
});
//# sourceMappingURL=unreachable-at-start.test.js.map