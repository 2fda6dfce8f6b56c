import { HandlerError } from "./errors.js";
import { Presence } from "./presence.js";

/** Incoming messages of one endpoint (the socket or one stream): typed handlers and presence lists. */
export class Inbox {
  private readonly byType = new Map<string, Array<(message: never) => void>>();
  private readonly any: Array<(message: unknown) => void> = [];
  private readonly presences = new Map<string, Presence<object>>();

  constructor(private readonly reportError: (error: Error) => void) {}

  on(type: string, handler: (message: never) => void): () => void {
    const list = this.byType.get(type) ?? [];
    list.push(handler);
    this.byType.set(type, list);
    return () => remove(this.byType.get(type), handler);
  }

  onMessage(handler: (message: unknown) => void): () => void {
    this.any.push(handler);
    return () => remove(this.any, handler);
  }

  presence<Meta extends object>(group: string): Presence<Meta> {
    let presence = this.presences.get(group);
    if (presence === undefined) {
      presence = new Presence<object>(group, (error) =>
        this.reportError(new HandlerError(`presence of ${group}`, error)),
      );
      this.presences.set(group, presence);
    }
    return presence as unknown as Presence<Meta>;
  }

  /** One decoded message: presence lists first (so handlers see the list updated), then handlers. */
  deliver(message: unknown): void {
    const type = typeof message === "object" && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === "presence.state" || type === "presence.diff") {
      const group = (message as { group?: unknown }).group;
      const presence = typeof group === "string" ? this.presences.get(group) : undefined;
      // Inside the socket's onmessage a throw would escape to the host (and end a Node process):
      // report it as a handler's is, and still run the handlers.
      try {
        presence?.handle(message);
      } catch (error) {
        this.reportError(new HandlerError(`presence of ${String(group)}`, error));
      }
    }
    if (typeof type === "string") this.call(this.byType.get(type), message as never, type);
    this.call(this.any, message as never, "every message");
  }

  private call(list: Array<(message: never) => void> | undefined, message: never, what: string): void {
    if (list === undefined) return;
    for (const handler of [...list]) {
      try {
        handler(message);
      } catch (error) {
        this.reportError(new HandlerError(JSON.stringify(what), error));
      }
    }
  }
}

function remove<T>(list: T[] | undefined, item: T): void {
  const at = list?.indexOf(item) ?? -1;
  if (list !== undefined && at >= 0) list.splice(at, 1);
}
