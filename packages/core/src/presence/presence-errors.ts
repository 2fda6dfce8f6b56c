import { ChannelsError, ErrorCode } from "../errors";

/** The layer has no presence store and none was configured for it (`configurePresence`). */
export class PresenceUnsupported extends ChannelsError {
  constructor(layerName: string) {
    super(
      ErrorCode.PRESENCE_UNSUPPORTED,
      `${layerName} has no presence store: give it one with configurePresence(layer, { store }) ` +
        "(e.g. new RedisPresenceStore(...) from @channels-ts/redis), or use a layer that has one.",
    );
  }
}

/** `track` of a key this consumer already tracks in that group. */
export class PresenceAlreadyTracked extends ChannelsError {
  constructor(group: string, key: string) {
    super(
      ErrorCode.PRESENCE_ALREADY_TRACKED,
      `This consumer already tracks ${JSON.stringify(key)} in group ${JSON.stringify(group)}: ` +
        "call update() to change its metadata, or untrack() first.",
    );
  }
}

/** `update` of a key this consumer does not track in that group. */
export class PresenceNotTracked extends ChannelsError {
  constructor(group: string, key: string) {
    super(
      ErrorCode.PRESENCE_NOT_TRACKED,
      `This consumer does not track ${JSON.stringify(key)} in group ${JSON.stringify(group)}: call track() first.`,
    );
  }
}
