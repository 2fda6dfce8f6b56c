/**
 * Channel and group name validation, as in Channels' BaseChannelLayer, but ASCII-only (Python's
 * `\w` also accepts Unicode letters; channels_redis and Redis keys are happier without them).
 * Every layer calls these once per operation, so each is a type check, a length check and one
 * precompiled regex test; the message is only built on failure.
 */
/** Names must be strictly shorter than this, as in Channels. */
export declare const MAX_NAME_LENGTH = 100;
/**
 * Throws a `TypeError` unless `name` is a valid channel name: ASCII letters, digits, `-`, `_`,
 * `.`, under 100 characters; a specific (process-local) channel has one `!` after a non-empty
 * prefix. With `receive: true` (layers that receive on the non-local part, as Channels'
 * `require_valid_channel_name(name, receive=True)`), a specific name must end at the `!`.
 */
export declare function validateChannelName(name: unknown, options?: {
    receive?: boolean;
}): asserts name is string;
/** Throws a `TypeError` unless `name` is a valid group name (as a channel name, without `!`). */
export declare function validateGroupName(name: unknown): asserts name is string;
/**
 * Throws a `TypeError` unless `prefix` can start a specific channel name from `newChannel()`:
 * a group-style name short enough to leave room for the layer's unique suffix.
 */
export declare function validateChannelPrefix(prefix: unknown, suffixLength: number): asserts prefix is string;
