"use strict";
/**
 * Channel and group name validation, as in Channels' BaseChannelLayer, but ASCII-only (Python's
 * `\w` also accepts Unicode letters; channels_redis and Redis keys are happier without them).
 * Every layer calls these once per operation, so each is a type check, a length check and one
 * precompiled regex test; the message is only built on failure.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_NAME_LENGTH = void 0;
exports.validateChannelName = validateChannelName;
exports.validateGroupName = validateGroupName;
exports.validateChannelPrefix = validateChannelPrefix;
/** Names must be strictly shorter than this, as in Channels. */
exports.MAX_NAME_LENGTH = 100;
// `\d` and `\w` are ASCII-only in a JS regex without the `u` flag.
const CHANNEL_NAME = /^[a-zA-Z\d\-_.]+(?:![\w\-.]*)?$/;
const GROUP_NAME = /^[a-zA-Z\d\-_.]+$/;
const ALLOWED = `a string shorter than ${exports.MAX_NAME_LENGTH} characters made of ASCII letters, digits, "-", "_" and "."`;
/**
 * Throws a `TypeError` unless `name` is a valid channel name: ASCII letters, digits, `-`, `_`,
 * `.`, under 100 characters; a specific (process-local) channel has one `!` after a non-empty
 * prefix. With `receive: true` (layers that receive on the non-local part, as Channels'
 * `require_valid_channel_name(name, receive=True)`), a specific name must end at the `!`.
 */
function validateChannelName(name, options) {
    if (typeof name !== "string" || name.length >= exports.MAX_NAME_LENGTH || !CHANNEL_NAME.test(name)) {
        throw new TypeError(`Invalid channel name ${describeName(name)}: a channel name must be ${ALLOWED}; ` +
            'a specific channel adds one "!" after a non-empty prefix (e.g. "chat.inmemory!abc").');
    }
    if (options?.receive === true && !name.endsWith("!") && name.includes("!")) {
        throw new TypeError(`Invalid channel name ${describeName(name)} for receive(): a specific channel name passed ` +
            'to receive() must end at the "!" (pass the non-local part, e.g. "chat.inmemory!").');
    }
}
/** Throws a `TypeError` unless `name` is a valid group name (as a channel name, without `!`). */
function validateGroupName(name) {
    if (typeof name !== "string" || name.length >= exports.MAX_NAME_LENGTH || !GROUP_NAME.test(name)) {
        throw new TypeError(`Invalid group name ${describeName(name)}: a group name must be ${ALLOWED} (no "!").`);
    }
}
/**
 * Throws a `TypeError` unless `prefix` can start a specific channel name from `newChannel()`:
 * a group-style name short enough to leave room for the layer's unique suffix.
 */
function validateChannelPrefix(prefix, suffixLength) {
    const room = exports.MAX_NAME_LENGTH - 1 - suffixLength;
    if (typeof prefix !== "string" || prefix.length >= room || !GROUP_NAME.test(prefix)) {
        throw new TypeError(`Invalid channel prefix ${describeName(prefix)} for newChannel(): a prefix must be a string ` +
            `shorter than ${room} characters made of ASCII letters, digits, "-", "_" and "." (no "!").`);
    }
}
function describeName(name) {
    if (typeof name !== "string")
        return name === null ? "null" : `of type ${typeof name}`;
    const shown = name.length > 60 ? `${JSON.stringify(name.slice(0, 60))}... (${name.length} characters)` : JSON.stringify(name);
    return shown;
}
//# sourceMappingURL=validate-names.js.map