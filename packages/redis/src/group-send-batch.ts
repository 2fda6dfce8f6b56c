import { ChannelsError, ErrorCode } from "@channels-ts/core";

/** One group send waiting for its tick's script call. */
export interface BatchedGroupSend {
  groupKey: string;
  group: string;
  /** 12 random bytes, then the message's msgpack map up to and including the `__asgi_channel__` key. */
  start: Buffer;
  score: number;
}

/** What the script reports for one group send. */
export interface GroupSendOutcome {
  over: number;
  expired: number;
}

/**
 * Issues one script call for `sends`; resolves with 3 values per send: members, over, expired,
 * or -1 and Redis's error message for a send the script could not do.
 */
export type IssueGroupSends = (sends: readonly BatchedGroupSend[]) => Promise<Array<number | string>>;

/** Redis refused one group send of a batched script call (the others went through). */
export class GroupSendRefused extends ChannelsError {
  readonly group: string;
  constructor(group: string, reason: string) {
    super(
      ErrorCode.GROUP_SEND_REFUSED,
      `Redis refused the group send to ${JSON.stringify(group)}: ${reason}. A WRONGTYPE error means ` +
        "another application writes keys under the layer's prefix: give the layer a prefix of its own.",
    );
    this.group = group;
  }
}

interface Waiting {
  group: string;
  resolve(outcome: GroupSendOutcome): void;
  reject(error: unknown): void;
}

/**
 * Past this many sends a tick's batch is issued at once: one script call blocks every other
 * client of the Redis (Python peers too) while it runs, so it stays a few milliseconds long.
 */
export const MAX_BATCHED_GROUP_SENDS = 128;

/**
 * Collects the group sends a process makes in one tick into one script call. Under fan-out the
 * group-send script is Redis's busiest work, and a tick often holds a dozen sends to the same
 * group (every frame of a socket read): one call lists and buckets the group once for all of them.
 * Order is kept: the sends go out in the order they came, and `flush()` (called by every other
 * command on the same connection before it is issued) sends what waits first, so nothing issued
 * later overtakes a group send issued earlier.
 */
export class GroupSendBatch {
  private sends: BatchedGroupSend[] = [];
  private waiting: Waiting[] = [];
  private scheduled = false;
  private readonly flushNow = (): void => this.flush();

  constructor(
    private readonly issue: IssueGroupSends,
    private readonly limit = MAX_BATCHED_GROUP_SENDS,
  ) {}

  add(send: BatchedGroupSend): Promise<GroupSendOutcome> {
    return new Promise<GroupSendOutcome>((resolve, reject) => {
      this.sends.push(send);
      this.waiting.push({ group: send.group, resolve, reject });
      if (this.sends.length >= this.limit) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        process.nextTick(this.flushNow);
      }
    });
  }

  /** Issue what waits, now (synchronously: the script call is written before this returns). */
  flush(): void {
    this.scheduled = false;
    const sends = this.sends;
    if (sends.length === 0) return;
    const waiting = this.waiting;
    this.sends = [];
    this.waiting = [];
    let issued: Promise<Array<number | string>>;
    try {
      issued = this.issue(sends);
    } catch (error) {
      rejectAll(waiting, error);
      return;
    }
    issued.then(
      (results) => settle(waiting, results),
      (error: unknown) => rejectAll(waiting, error),
    );
  }
}

function settle(waiting: readonly Waiting[], results: unknown): void {
  if (!Array.isArray(results) || results.length !== 3 * waiting.length) {
    const length = Array.isArray(results) ? results.length : typeof results;
    rejectAll(waiting, new Error(`the group-send script answered ${length} values for ${waiting.length} sends`));
    return;
  }
  for (let i = 0; i < waiting.length; i++) {
    const w = waiting[i] as Waiting;
    const members: unknown = results[3 * i];
    const second: unknown = results[3 * i + 1];
    if (members === -1) w.reject(new GroupSendRefused(w.group, String(second)));
    else w.resolve({ over: Number(second), expired: Number(results[3 * i + 2]) });
  }
}

function rejectAll(waiting: readonly Waiting[], error: unknown): void {
  for (const w of waiting) w.reject(error);
}
