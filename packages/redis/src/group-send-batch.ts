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

/** Issues one script call for `sends`; resolves with 3 numbers per send (members, over, expired). */
export type IssueGroupSends = (sends: readonly BatchedGroupSend[]) => Promise<number[]>;

interface Waiting {
  resolve(outcome: GroupSendOutcome): void;
  reject(error: unknown): void;
}

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

  constructor(private readonly issue: IssueGroupSends) {}

  add(send: BatchedGroupSend): Promise<GroupSendOutcome> {
    return new Promise<GroupSendOutcome>((resolve, reject) => {
      this.sends.push(send);
      this.waiting.push({ resolve, reject });
      if (!this.scheduled) {
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
    let issued: Promise<number[]>;
    try {
      issued = this.issue(sends);
    } catch (error) {
      for (const w of waiting) w.reject(error);
      return;
    }
    issued.then(
      (results) => {
        for (let i = 0; i < waiting.length; i++)
          (waiting[i] as Waiting).resolve({ over: results[3 * i + 1] ?? 0, expired: results[3 * i + 2] ?? 0 });
      },
      (error: unknown) => {
        for (const w of waiting) w.reject(error);
      },
    );
  }
}
