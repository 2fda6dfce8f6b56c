/**
 * The servers compared, each started as its own process(es) on 127.0.0.1, port 0. A server with
 * `processes: 2` runs two processes on one Redis; the load generator spreads its clients over both.
 */
import { join } from "node:path";
import type { StartSpec } from "./processes";

export type ClientKind = "ws" | "socketio";

export interface ServerSpec {
  key: string;
  name: string;
  kind: ClientKind;
  processes: number;
  redis: boolean;
  start(redisUrl: string | undefined): StartSpec;
}

export const ROOT = join(__dirname, "..");
const PYTHON = "/usr/bin/python3";
const TSX = ["--import", "tsx"];
/** Extra node flags for the servers only, e.g. `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile them. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");

function node(key: string, file: string, env: NodeJS.ProcessEnv = {}, ready = /PORT (\d+)/): StartSpec {
  // `node --import tsx` rather than the tsx CLI: the PID we measure is the server itself, not a wrapper.
  return {
    name: key,
    command: process.execPath,
    args: [...SERVER_NODE_ARGS, ...TSX, file],
    cwd: ROOT,
    env: { ...process.env, ...env },
    ready,
  };
}

const CHAT_READY = /chat: open http:\/\/127\.0\.0\.1:(\d+)\//;
const chat = (layer: string, redisUrl?: string): StartSpec =>
  node(
    `channels-ts (${layer})`,
    "apps/chat/src/main.ts",
    // The access log off, as daphne's below: plain ws and Socket.IO log nothing either.
    {
      HOST: "127.0.0.1",
      PORT: "0",
      CHANNEL_LAYER: layer,
      ACCESS_LOG: "0",
      // Every load-generator client comes from 127.0.0.1 and sends as fast as it can: no limits.
      MAX_CONNECTIONS_PER_ADDRESS: "0",
      MAX_MESSAGES_PER_SECOND: "0",
      ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
    },
    CHAT_READY,
  );

const daphne = (layer: string, redisUrl?: string): StartSpec => ({
  name: `daphne (${layer})`,
  command: PYTHON,
  // The access log off: it would cost every server a write per connection and only daphne pays it by default.
  args: ["-m", "daphne", "-b", "127.0.0.1", "-p", "0", "--access-log", "/dev/null", "bench_project.asgi:application"],
  cwd: join(ROOT, "bench/django"),
  env: {
    ...process.env,
    PYTHONPATH: join(ROOT, "bench/django"),
    DJANGO_SETTINGS_MODULE: "bench_project.settings",
    CHANNEL_LAYER: layer,
    PYTHONUNBUFFERED: "1",
    ...(redisUrl === undefined ? {} : { REDIS_URL: redisUrl }),
  },
  ready: /Listening on TCP address 127\.0\.0\.1:(\d+)/,
});

export const SERVERS: ServerSpec[] = [
  {
    key: "ws",
    name: "plain ws (Set loop)",
    kind: "ws",
    processes: 1,
    redis: false,
    start: () => node("ws", "bench/servers/ws-server.ts"),
  },
  {
    key: "socketio",
    name: "Socket.IO 4 rooms",
    kind: "socketio",
    processes: 1,
    redis: false,
    start: () => node("socketio", "bench/servers/socketio-server.ts"),
  },
  {
    key: "channels",
    name: "channels-ts (memory)",
    kind: "ws",
    processes: 1,
    redis: false,
    start: () => chat("memory"),
  },
  {
    key: "channels-redis",
    name: "channels-ts (redis, 2 proc)",
    kind: "ws",
    processes: 2,
    redis: true,
    start: (url) => chat("redis", url),
  },
  {
    key: "channels-pubsub",
    name: "channels-ts (redis-pubsub, 2 proc)",
    kind: "ws",
    processes: 2,
    redis: true,
    start: (url) => chat("redis-pubsub", url),
  },
  {
    key: "daphne",
    name: "Django Channels, daphne (memory)",
    kind: "ws",
    processes: 1,
    redis: false,
    start: () => daphne("memory"),
  },
  {
    key: "daphne-redis",
    name: "Django Channels, daphne (channels_redis, 2 proc)",
    kind: "ws",
    processes: 2,
    redis: true,
    start: (url) => daphne("redis", url),
  },
];
