import type { PresenceDiffMessage, PresenceEntry } from "./presence-types";
import { presenceStateOf } from "./presence-state";

interface PendingDiff {
  joins: Map<string, PresenceEntry>;
  leaves: Map<string, PresenceEntry>;
}

/**
 * Joins and leaves gathered for `windowMs`, then sent as one `presence.diff` per group: a
 * reconnect storm of a thousand joins is a few messages, not a thousand. One timer for every
 * group, started by the first change of a window. A leave of a ref whose join is still waiting
 * drops the join but is sent: members did not get the join, but any of them may have seen the
 * presence in a state it read from the store meanwhile (a tracker's `presence.state`), and a leave
 * of a ref a member does not know changes nothing for it.
 */
export class PresenceDiffBatch {
  private pending = new Map<string, PendingDiff>();
  private timer: NodeJS.Timeout | undefined = undefined;

  constructor(
    private readonly windowMs: number,
    private readonly send: (message: PresenceDiffMessage) => void,
  ) {}

  join(group: string, entry: PresenceEntry): void {
    this.diffOf(group).joins.set(entry.ref, entry);
  }

  leave(group: string, entry: PresenceEntry): void {
    const diff = this.diffOf(group);
    diff.joins.delete(entry.ref);
    diff.leaves.set(entry.ref, entry);
  }

  /** Sends what is waiting now (at the end of a window, at close, or when a test wants it). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = new Map();
    for (const [group, diff] of pending) {
      if (diff.joins.size === 0 && diff.leaves.size === 0) continue;
      this.send({
        type: "presence.diff",
        group,
        joins: presenceStateOf(diff.joins.values()),
        leaves: presenceStateOf(diff.leaves.values()),
      });
    }
  }

  private diffOf(group: string): PendingDiff {
    let diff = this.pending.get(group);
    if (diff === undefined) {
      diff = { joins: new Map(), leaves: new Map() };
      this.pending.set(group, diff);
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.windowMs);
      // A window waiting to close must not keep a process alive that has nothing else to do.
      this.timer.unref();
    }
    return diff;
  }
}
