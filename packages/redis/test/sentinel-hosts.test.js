"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const redis_1 = require("@channels-ts/redis");
const hosts_1 = require("../src/hosts");
const policy = { reconnectMinDelayMs: 50, reconnectMaxDelayMs: 2000 };
describe("a Sentinel host in channels_redis's spelling", () => {
    it("becomes ioredis's sentinels, name and sentinel credentials", () => {
        const client = (0, hosts_1.createClient)({
            sentinels: [["10.0.0.1", 26379], { host: "10.0.0.2", port: 26380 }],
            master_name: "mymaster",
            sentinel_kwargs: { password: "s3cret", username: "watcher", ssl: true },
            password: "master-password",
            db: 2,
        }, policy);
        expect(client.options).toMatchObject({
            sentinels: [
                { host: "10.0.0.1", port: 26379 },
                { host: "10.0.0.2", port: 26380 },
            ],
            name: "mymaster",
            sentinelPassword: "s3cret",
            sentinelUsername: "watcher",
            sentinelTLS: {},
            password: "master-password",
            db: 2,
            failoverDetector: true,
            lazyConnect: true,
        });
        client.disconnect();
    });
    it("keeps ioredis's own spelling, and a host's own failoverDetector", () => {
        const client = (0, hosts_1.createClient)({ sentinels: [{ host: "127.0.0.1", port: 26379 }], name: "cache", failoverDetector: false }, policy);
        expect(client.options).toMatchObject({ name: "cache", failoverDetector: false });
        client.disconnect();
    });
    it("is named by its master and Sentinels (never a password) in events and errors", () => {
        expect((0, hosts_1.describeHost)({ sentinels: [["10.0.0.1", 26379]], master_name: "mymaster", sentinel_kwargs: { password: "x" } })).toBe("mymaster (sentinels 10.0.0.1:26379)");
    });
    const invalid = [
        ["no master_name", { sentinels: [["127.0.0.1", 26379]] }, /hosts\[0\] lists sentinels but no master_name/],
        ["no Sentinels", { sentinels: [], master_name: "mymaster" }, /hosts\[0\]\.sentinels must list at least one/],
        ["master_name alone", { master_name: "mymaster" }, /hosts\[0\] has master_name but no sentinels/],
        [
            "a Sentinel that is not a pair",
            { sentinels: [["127.0.0.1"]], master_name: "m" },
            /hosts\[0\]\.sentinels\[0\] is \["127\.0\.0\.1"\]: use a \[host, port\] pair/,
        ],
        [
            "an unknown sentinel_kwargs key",
            { sentinels: [["127.0.0.1", 26379]], master_name: "m", sentinel_kwargs: { socket_timeout: 1 } },
            /sentinel_kwargs has "socket_timeout", which is not supported: use password, username, ssl/,
        ],
    ];
    it.each(invalid)("with %s is rejected by both layers at construction, naming the fix", (_what, host, message) => {
        expect(() => new redis_1.RedisChannelLayer({ hosts: [host] })).toThrow(message);
        expect(() => new redis_1.RedisPubSubChannelLayer({ hosts: [host] })).toThrow(message);
    });
});
//# sourceMappingURL=sentinel-hosts.test.js.map