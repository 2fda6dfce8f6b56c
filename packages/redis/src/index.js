"use strict";
// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidToken = exports.RedisHostUnavailable = exports.RedisPubSubChannelLayer = exports.RedisChannelLayer = void 0;
// The public surface of @channels-ts/redis, named one by one; anything else is internal.
var redis_channel_layer_1 = require("./redis-channel-layer");
Object.defineProperty(exports, "RedisChannelLayer", { enumerable: true, get: function () { return redis_channel_layer_1.RedisChannelLayer; } });
var redis_pubsub_channel_layer_1 = require("./redis-pubsub-channel-layer");
Object.defineProperty(exports, "RedisPubSubChannelLayer", { enumerable: true, get: function () { return redis_pubsub_channel_layer_1.RedisPubSubChannelLayer; } });
var redis_host_unavailable_1 = require("./redis-host-unavailable");
Object.defineProperty(exports, "RedisHostUnavailable", { enumerable: true, get: function () { return redis_host_unavailable_1.RedisHostUnavailable; } });
var fernet_1 = require("./fernet");
Object.defineProperty(exports, "InvalidToken", { enumerable: true, get: function () { return fernet_1.InvalidToken; } });
//# sourceMappingURL=index.js.map