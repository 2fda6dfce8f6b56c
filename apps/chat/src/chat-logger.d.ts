import type { Logger } from "@channels-ts/server";
/** The chat's own lines, each starting with `chat: `: info on stdout, the rest on stderr. */
export declare const chatLogger: Logger;
