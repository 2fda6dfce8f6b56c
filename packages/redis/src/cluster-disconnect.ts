import type { Cluster } from "ioredis";

/** The ioredis 5.x Cluster internals the slot-refresh workaround touches. */
interface SlotRefreshInternals {
  isRefreshing?: unknown;
  slotsTimer?: ReturnType<typeof setTimeout> | null;
  refreshSlotsCache?: (callback?: (error?: Error) => void) => void;
}

/**
 * Disconnects `cluster` for good, with no timer left behind. ioredis 5.11's `disconnect()` clears
 * the `slotsRefreshInterval` timer, but a slot refresh in flight at that moment re-arms it when
 * it completes (the round's callback schedules the next one), and from then on a referenced timer
 * refreshes every interval forever: a process that closed its layer never exits. A callback
 * queued behind the round's clears what it re-arms, and later rounds do nothing.
 */
export function disconnectCluster(cluster: Cluster): void {
  const internals = cluster as unknown as SlotRefreshInternals;
  const refresh = internals.refreshSlotsCache;
  if (typeof refresh === "function") {
    // While refreshing, this only queues the callback (after the round's own); it starts nothing.
    if (internals.isRefreshing === true) refresh.call(cluster, () => stopRounds(internals));
    internals.refreshSlotsCache = () => undefined;
  }
  cluster.disconnect();
  stopRounds(internals);
}

function stopRounds(internals: SlotRefreshInternals): void {
  if (internals.slotsTimer) clearTimeout(internals.slotsTimer);
  internals.slotsTimer = null;
}
