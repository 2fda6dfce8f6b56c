import type { Logger } from "@channels-ts/server";

function line(objOrMsg: object | string, msg: string | undefined): string {
  if (typeof objOrMsg === "string") return `chat: ${objOrMsg}`;
  const err = (objOrMsg as { err?: unknown }).err;
  return `chat: ${msg ?? ""}${err instanceof Error ? `: ${err.message}` : ""}`;
}

/** The chat's own lines, each starting with `chat: `: info on stdout, the rest on stderr. */
export const chatLogger: Logger = {
  info: (objOrMsg, msg) => console.log(line(objOrMsg, msg)),
  warn: (objOrMsg, msg) => console.error(line(objOrMsg, msg)),
  error: (objOrMsg, msg) => console.error(line(objOrMsg, msg)),
  debug: () => undefined,
};
