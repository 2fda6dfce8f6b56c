import { throwLater } from "./host.js";
import { Listeners } from "./listeners.js";
import {
  copyState,
  emptyState,
  ownPresence,
  syncDiff,
  syncState,
  type JoinCallback,
  type LeaveCallback,
  type PresenceDiff,
  type PresenceMeta,
  type PresenceState,
} from "./presence-sync.js";

/** One key of a presence list: e.g. a user, with one meta per socket they have open. */
export interface PresenceEntry<Meta extends object> {
  key: string;
  metas: Array<PresenceMeta<Meta>>;
}

interface PresenceEvents<Meta extends object> {
  join: Parameters<JoinCallback<Meta>>;
  leave: Parameters<LeaveCallback<Meta>>;
  sync: undefined;
}

/**
 * A group's presence list, kept from `presence.state` and `presence.diff` messages with Phoenix's
 * semantics. `client.presence(group)` makes one fed by the client's messages; `new Presence(group)`
 * with `handle(message)` feeds one by hand.
 *
 * A diff that comes before the first state is applied to the empty list rather than held back
 * (Phoenix holds it): the server sends the state on `track`, before any batched diff, and a member
 * that never tracks gets only diffs.
 */
export class Presence<Meta extends object = { [key: string]: unknown }> {
  readonly group: string;
  private state: PresenceState<Meta> = emptyState();
  private stateSeen = false;
  private readonly listeners: Listeners<PresenceEvents<Meta>>;

  constructor(group: string, onThrow: (error: unknown) => void = reportLater) {
    this.group = group;
    this.listeners = new Listeners((_name, error) => onThrow(error));
  }

  /** True once a `presence.state` for this group came. */
  get synced(): boolean {
    return this.stateSeen;
  }

  /** Feeds one message; true when it was this group's `presence.state` or `presence.diff`. */
  handle(message: unknown): boolean {
    if (typeof message !== "object" || message === null) return false;
    const { type, group } = message as { type?: unknown; group?: unknown };
    if (group !== this.group) return false;
    if (type === "presence.state") {
      const presences = (message as { presences?: unknown }).presences;
      if (!isState(presences)) return false;
      this.applyState(presences as PresenceState<Meta>);
      return true;
    }
    if (type === "presence.diff") {
      const { joins, leaves } = message as { joins?: unknown; leaves?: unknown };
      const diff = { joins: joins ?? {}, leaves: leaves ?? {} };
      if (!isState(diff.joins) || !isState(diff.leaves)) return false;
      this.applyDiff(diff as PresenceDiff<Meta>);
      return true;
    }
    return false;
  }

  /** Replaces the list with a full state, reporting the joins and leaves that implies. */
  applyState(next: PresenceState<Meta>): void {
    this.state = syncState(this.state, next, this.onJoinCallback, this.onLeaveCallback);
    this.stateSeen = true;
    this.listeners.emit("sync", undefined);
  }

  /** Applies one batch of joins and leaves. */
  applyDiff(diff: PresenceDiff<Meta>): void {
    this.state = syncDiff(this.state, diff, this.onJoinCallback, this.onLeaveCallback);
    this.listeners.emit("sync", undefined);
  }

  /** Every key with its metas, in the order keys first joined. */
  list(): Array<PresenceEntry<Meta>>;
  /** Every key mapped through `chooser`, e.g. `(key, metas) => metas[0].name`. */
  list<T>(chooser: (key: string, metas: Array<PresenceMeta<Meta>>) => T): T[];
  list<T>(chooser?: (key: string, metas: Array<PresenceMeta<Meta>>) => T): Array<T | PresenceEntry<Meta>> {
    return Object.entries(this.state).map(([key, { metas }]) =>
      chooser === undefined ? { key, metas: [...metas] } : chooser(key, [...metas]),
    );
  }

  /** One key's metas, or undefined when the key is not present. */
  get(key: string): Array<PresenceMeta<Meta>> | undefined {
    const presence = ownPresence(this.state, key);
    return presence === undefined ? undefined : [...presence.metas];
  }

  /** How many keys are present (a user with three tabs counts once). */
  get count(): number {
    return Object.keys(this.state).length;
  }

  /** A copy of the whole state, in the wire shape (an object with no prototype: read own keys). */
  toState(): PresenceState<Meta> {
    return copyState(this.state);
  }

  /** Called for each key that gains metas. Returns a function that removes the handler. */
  onJoin(handler: JoinCallback<Meta>): () => void {
    return this.listeners.add("join", (args) => handler(...args));
  }

  /** Called for each key that loses metas (`current.metas` is empty when it left). */
  onLeave(handler: LeaveCallback<Meta>): () => void {
    return this.listeners.add("leave", (args) => handler(...args));
  }

  /** Called after each state or diff was applied: redraw the list here. */
  onSync(handler: () => void): () => void {
    return this.listeners.add("sync", () => handler());
  }

  private readonly onJoinCallback: JoinCallback<Meta> = (...args) => this.listeners.emit("join", args);
  private readonly onLeaveCallback: LeaveCallback<Meta> = (...args) => this.listeners.emit("leave", args);
}

/** An object of `{ metas: [...] }` whose metas each have a string `ref`. */
function isState(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (presence: unknown) =>
      typeof presence === "object" &&
      presence !== null &&
      Array.isArray((presence as { metas?: unknown }).metas) &&
      ((presence as { metas: unknown[] }).metas as unknown[]).every(
        (meta) => typeof meta === "object" && meta !== null && typeof (meta as { ref?: unknown }).ref === "string",
      ),
  );
}

/** A throwing handler of a stand-alone Presence must not break the caller's loop: rethrow later. */
const reportLater = throwLater;
