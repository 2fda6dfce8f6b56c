"use strict";
/**
 * The ASGI-style application model: an application is `(scope, receive, send) => Promise<void>`.
 * Wire-level names (scope keys, message types and keys) stay exactly as in ASGI and Channels,
 * because they are data that crosses process and language boundaries.
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map