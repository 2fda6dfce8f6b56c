"use strict";
/** The runs of `npm run bench` (standard) and `npm run bench:quick`: loadgen arguments per scenario. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUICK = exports.STANDARD = void 0;
exports.STANDARD = {
    repeats: 3,
    servers: ["ws", "socketio", "channels", "channels-redis", "channels-pubsub", "daphne", "daphne-redis"],
    runs: [
        // First, on a fresh server: its RSS baseline is the server at rest.
        // 4,000 connections: V8's young generation grows in steps of megabytes during the ramp, and
        // with fewer connections one step would weigh several KiB per connection in the RSS figure.
        { id: "connect", scenario: "connect", args: { clients: 4000, rooms: 400, concurrency: 50, hold: 2, deadline: 90 } },
        { id: "echo", scenario: "echo", args: { clients: 50, duration: 5, deadline: 30 } },
        { id: "fanout-1", scenario: "fanout", args: { clients: 100, rooms: 1, window: 32, duration: 5, deadline: 30 } },
        { id: "fanout-10", scenario: "fanout", args: { clients: 1000, rooms: 10, window: 16, duration: 5, deadline: 60 } },
        { id: "paced-1000", scenario: "fanout", args: { clients: 100, rooms: 1, rate: 1000, duration: 5, deadline: 30 } },
        { id: "paced-5000", scenario: "fanout", args: { clients: 100, rooms: 1, rate: 5000, duration: 5, deadline: 30 } },
    ],
};
exports.QUICK = {
    repeats: 1,
    servers: ["ws", "socketio", "channels", "daphne"],
    runs: [
        {
            id: "connect",
            scenario: "connect",
            args: { clients: 500, rooms: 50, concurrency: 50, hold: 1, warmup: 50, deadline: 30 },
        },
        { id: "echo", scenario: "echo", args: { clients: 20, duration: 1.5, deadline: 15 } },
        { id: "fanout-1", scenario: "fanout", args: { clients: 100, rooms: 1, window: 16, duration: 1.5, deadline: 15 } },
        { id: "fanout-10", scenario: "fanout", args: { clients: 500, rooms: 10, window: 8, duration: 1.5, deadline: 20 } },
        { id: "paced-1000", scenario: "fanout", args: { clients: 100, rooms: 1, rate: 1000, duration: 1.5, deadline: 15 } },
    ],
};
//# sourceMappingURL=plans.js.map