"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WsClients = exports.nextFrame = exports.closed = exports.TextClient = exports.useServer = exports.startServer = exports.useRedisSentinel = exports.RedisSentinelSet = exports.REDIS_SENTINEL = exports.describeWithSentinel = exports.useRedisServer = exports.RedisServer = exports.REDIS_SERVER = exports.freePort = exports.describeWithRedis = exports.recordingLogger = exports.Refused = exports.openSocket = exports.PYTHON = exports.fetchText = exports.echoApp = exports.deferred = exports.closing = exports.useProcesses = exports.TestProcesses = exports.TestProcess = exports.startProcess = exports.useChannelLayer = exports.installChannelLayer = exports.acceptingApp = void 0;
/**
 * Self-cleaning test fixtures. Per test: `await using` (startServer, installChannelLayer,
 * closing, startProcess, TextClient.open). Per describe block: the use* hooks. Jest runs after-hooks of one block in the order
 * they were declared, so declare first what must be torn down first: a server before the layer
 * or Redis it uses.
 */
var accepting_app_1 = require("./accepting-app");
Object.defineProperty(exports, "acceptingApp", { enumerable: true, get: function () { return accepting_app_1.acceptingApp; } });
var channel_layer_1 = require("./channel-layer");
Object.defineProperty(exports, "installChannelLayer", { enumerable: true, get: function () { return channel_layer_1.installChannelLayer; } });
Object.defineProperty(exports, "useChannelLayer", { enumerable: true, get: function () { return channel_layer_1.useChannelLayer; } });
var child_process_1 = require("./child-process");
Object.defineProperty(exports, "startProcess", { enumerable: true, get: function () { return child_process_1.startProcess; } });
Object.defineProperty(exports, "TestProcess", { enumerable: true, get: function () { return child_process_1.TestProcess; } });
Object.defineProperty(exports, "TestProcesses", { enumerable: true, get: function () { return child_process_1.TestProcesses; } });
Object.defineProperty(exports, "useProcesses", { enumerable: true, get: function () { return child_process_1.useProcesses; } });
var closing_1 = require("./closing");
Object.defineProperty(exports, "closing", { enumerable: true, get: function () { return closing_1.closing; } });
var deferred_1 = require("./deferred");
Object.defineProperty(exports, "deferred", { enumerable: true, get: function () { return deferred_1.deferred; } });
var echo_app_1 = require("./echo-app");
Object.defineProperty(exports, "echoApp", { enumerable: true, get: function () { return echo_app_1.echoApp; } });
var http_client_1 = require("./http-client");
Object.defineProperty(exports, "fetchText", { enumerable: true, get: function () { return http_client_1.fetchText; } });
var python_1 = require("./python");
Object.defineProperty(exports, "PYTHON", { enumerable: true, get: function () { return python_1.PYTHON; } });
var open_socket_1 = require("./open-socket");
Object.defineProperty(exports, "openSocket", { enumerable: true, get: function () { return open_socket_1.openSocket; } });
Object.defineProperty(exports, "Refused", { enumerable: true, get: function () { return open_socket_1.Refused; } });
var recording_logger_1 = require("./recording-logger");
Object.defineProperty(exports, "recordingLogger", { enumerable: true, get: function () { return recording_logger_1.recordingLogger; } });
var redis_server_1 = require("./redis-server");
Object.defineProperty(exports, "describeWithRedis", { enumerable: true, get: function () { return redis_server_1.describeWithRedis; } });
Object.defineProperty(exports, "freePort", { enumerable: true, get: function () { return redis_server_1.freePort; } });
Object.defineProperty(exports, "REDIS_SERVER", { enumerable: true, get: function () { return redis_server_1.REDIS_SERVER; } });
Object.defineProperty(exports, "RedisServer", { enumerable: true, get: function () { return redis_server_1.RedisServer; } });
Object.defineProperty(exports, "useRedisServer", { enumerable: true, get: function () { return redis_server_1.useRedisServer; } });
var redis_sentinel_1 = require("./redis-sentinel");
Object.defineProperty(exports, "describeWithSentinel", { enumerable: true, get: function () { return redis_sentinel_1.describeWithSentinel; } });
Object.defineProperty(exports, "REDIS_SENTINEL", { enumerable: true, get: function () { return redis_sentinel_1.REDIS_SENTINEL; } });
Object.defineProperty(exports, "RedisSentinelSet", { enumerable: true, get: function () { return redis_sentinel_1.RedisSentinelSet; } });
Object.defineProperty(exports, "useRedisSentinel", { enumerable: true, get: function () { return redis_sentinel_1.useRedisSentinel; } });
var test_server_1 = require("./test-server");
Object.defineProperty(exports, "startServer", { enumerable: true, get: function () { return test_server_1.startServer; } });
Object.defineProperty(exports, "useServer", { enumerable: true, get: function () { return test_server_1.useServer; } });
var text_client_1 = require("./text-client");
Object.defineProperty(exports, "TextClient", { enumerable: true, get: function () { return text_client_1.TextClient; } });
var ws_clients_1 = require("./ws-clients");
Object.defineProperty(exports, "closed", { enumerable: true, get: function () { return ws_clients_1.closed; } });
Object.defineProperty(exports, "nextFrame", { enumerable: true, get: function () { return ws_clients_1.nextFrame; } });
Object.defineProperty(exports, "WsClients", { enumerable: true, get: function () { return ws_clients_1.WsClients; } });
//# sourceMappingURL=index.js.map