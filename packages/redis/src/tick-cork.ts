import type Redis from "ioredis";

/** Streams corked by `corkForTick` and not yet released. */
const corked = new WeakSet<object>();

/**
 * Hold `client`'s writes until this tick's work is done. ioredis writes every command with a
 * system call of its own; a burst issues many at once (a group send per inbound frame, a pop
 * round's BZPOPMIN and ZPOPMIN), and they then leave in one write. Order is unchanged: corking
 * only delays the bytes, the commands stay in the order they were issued.
 */
export function corkForTick(client: Redis): void {
  const stream = client.stream as (NodeJS.WritableStream & { cork(): void; uncork(): void }) | undefined;
  if (stream === undefined || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}
