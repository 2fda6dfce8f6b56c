import type { Application } from "@channels-ts/core";
/**
 * Accepts every WebSocket and sends each frame back, text as `<prefix><text>`, bytes as they came,
 * until the disconnect; answers HTTP with 200 and `<prefix><path>`. The prefix shows the
 * application, not the client's own frame, produced the reply.
 */
export declare function echoApp(prefix?: string): Application;
