import { ChannelLayerMissing } from "../errors";
import type { ChannelLayer } from "../layers/channel-layer";
import type { Message } from "../types";
import { presenceOf } from "./presence-registry";
import type { PresenceMetaInput, PresenceState, PresenceStateMessage } from "./presence-types";

/** Options of `track`. */
export interface TrackOptions {
  /**
   * Also hand this consumer the group's whole state as a `presence.state` message (to its
   * `presence_state` handler), listed after its own entry is stored. The handler runs inside
   * `track`, before it resolves: the state does not go through the layer (on Redis it would be the
   * whole group, on this consumer's bounded channel). Default false.
   */
  state?: boolean;
}

/** What a consumer's `presence` needs of it: its layer and channel, known once it runs. */
export interface PresenceOwner {
  readonly channelLayer: ChannelLayer | undefined;
  readonly channelName: string | undefined;
  readonly channelLayerAlias: string;
}

/**
 * A consumer's presence calls (`this.presence.track(...)`): Phoenix Presence's `track`,
 * `update` and `untrack` for this consumer's channel, plus `list` and `count`. Whatever it tracks
 * is untracked when the consumer ends, at once, with a leave diff.
 */
export class ConsumerPresence {
  /**
   * `deliver` runs the owner's handler for a message in place, as its dispatch loop would (a
   * consumer's own). Without it, `presence.state` is sent to the owner's channel through the layer.
   */
  constructor(
    private readonly owner: PresenceOwner,
    private readonly deliver?: (message: Message) => Promise<void> | void,
  ) {}

  /** Appears in `group` under `key` (a user id, say) with `meta`; resolves with this presence's ref. */
  async track(group: string, key: string, meta: PresenceMetaInput = {}, options: TrackOptions = {}): Promise<string> {
    const { layer, channel } = this.where();
    const presence = presenceOf(layer);
    const ref = await presence.track(channel, group, key, meta);
    if (options.state === true) {
      const message: PresenceStateMessage = { type: "presence.state", group, presences: await presence.list(group) };
      // track() runs inside one of the owner's handlers, and the owner handles one message at a
      // time: calling its handler here keeps that order without a trip through the layer.
      if (this.deliver !== undefined) await this.deliver(message as unknown as Message);
      else await layer.send(channel, message as unknown as Message);
    }
    return ref;
  }

  /** Replaces the metadata tracked under `key` in `group`; resolves with the new ref. */
  update(group: string, key: string, meta: PresenceMetaInput): Promise<string> {
    const { layer, channel } = this.where();
    return presenceOf(layer).update(channel, group, key, meta);
  }

  /** Leaves `group` under `key`; a no-op when not tracked. */
  untrack(group: string, key: string): Promise<void> {
    const { layer, channel } = this.where();
    return presenceOf(layer).untrack(channel, group, key);
  }

  /** Every presence in `group`. */
  list(group: string): Promise<PresenceState> {
    return presenceOf(this.where().layer).list(group);
  }

  /** How many presences `group` holds. */
  count(group: string): Promise<number> {
    return presenceOf(this.where().layer).count(group);
  }

  private where(): { layer: ChannelLayer; channel: string } {
    const layer = this.owner.channelLayer;
    const channel = this.owner.channelName;
    if (layer === undefined || channel === undefined) throw new ChannelLayerMissing(this.owner.channelLayerAlias);
    return { layer, channel };
  }
}
