import type { Redis } from "ioredis";

/** What ioredis keeps of the commands a closed connection had written but got no reply for. */
interface UnansweredQueue {
  shift(): { command?: { reject?(error: Error): void } } | undefined;
}

interface ClientInternals {
  prevCommandQueue?: UnansweredQueue | null;
}

/**
 * The message a command fails with when its connection closed before Redis replied: Redis may
 * or may not have run it, and the layer does not run it again.
 */
export const UNANSWERED_MESSAGE =
  "the connection to Redis closed before it replied; the command may have run, and is not sent again";

/**
 * ioredis writes the commands that got no reply again once it has reconnected
 * (`autoResendUnfulfilledCommands`). For a channel layer that is wrong both ways: Redis may
 * have run a send already (every member gets it twice), or the resend reaches a Redis that
 * restarted empty before the other processes restored their memberships (lost without a word).
 * So such a command fails instead: an awaited operation rejects, a pipelined group send is
 * counted as dropped ("layer down"), a receive loop pops again (a pop whose reply was lost took
 * messages nobody will see: that is a `backgroundError`, its count unknown). At most once.
 *
 * ioredis moves those commands to `prevCommandQueue` when the connection closes and sends them
 * once it is ready again; `reconnecting` fires in between. Should a later ioredis keep them
 * elsewhere, this finds nothing and ioredis resends them as before (duplicates, not a hang):
 * packages/redis/test/connection-drop-resend.test.ts fails then.
 */
export function failUnansweredOnReconnect(client: Redis): void {
  client.on("reconnecting", () => {
    const internals = client as unknown as ClientInternals;
    const queue = internals.prevCommandQueue;
    if (queue === undefined || queue === null) return;
    internals.prevCommandQueue = null;
    let error: Error | undefined;
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      error ??= new Error(UNANSWERED_MESSAGE);
      item.command?.reject?.(error);
    }
  });
}
