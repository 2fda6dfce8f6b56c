/**
 * Self-cleaning test fixtures. Per test: `await using` (startServer, installChannelLayer,
 * closing, startProcess, TextClient.open). Per describe block: the use* hooks. Jest runs after-hooks of one block in the order
 * they were declared, so declare first what must be torn down first: a server before the layer
 * or Redis it uses.
 */
export { acceptingApp, type AcceptingApp } from "./accepting-app";
export {
  installChannelLayer,
  useChannelLayer,
  type InstalledLayer,
  type UseChannelLayerOptions,
} from "./channel-layer";
export {
  startProcess,
  TestProcess,
  TestProcesses,
  useProcesses,
  type Exit,
  type ProcessOptions,
} from "./child-process";
export { closing, type Closable } from "./closing";
export { deferred } from "./deferred";
export { echoApp } from "./echo-app";
export { fetchText, type Reply } from "./http-client";
export { runLayerProperties, type LayerPropertiesOptions } from "./layer-properties";
export { PYTHON } from "./python";
export { openSocket, Refused } from "./open-socket";
export { recordingLogger, type LogEntry } from "./recording-logger";
export {
  describeWithRedisCluster,
  parseNodes,
  REDIS_CLI,
  RedisCluster,
  useRedisCluster,
  type ClusterNode,
  type RedisClusterOptions,
} from "./redis-cluster";
export { describeWithRedis, freePort, REDIS_SERVER, RedisServer, useRedisServer } from "./redis-server";
export {
  describeWithSentinel,
  REDIS_SENTINEL,
  RedisSentinelSet,
  useRedisSentinel,
  type SentinelSetOptions,
} from "./redis-sentinel";
export { startServer, useServer, type TestServer } from "./test-server";
export { TextClient, type TextClientOptions } from "./text-client";
export { closed, nextFrame, WsClients } from "./ws-clients";
