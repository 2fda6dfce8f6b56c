import type { Message } from "../types";
import type { ChannelLayer, ChannelLayerOptions, LayerReceiver, ReceiveOptions } from "./channel-layer";
/**
 * Channels' InMemoryChannelLayer: one process, no network, for development and tests.
 *
 * Messages are delivered by reference: `groupSend` hands the same object to every member and
 * `send` does not copy either, so a received message must be treated as read-only (validation
 * guarantees it holds only plain data). Expiry is lazy: a message's deadline is checked when
 * its channel is used, and every `expiry` seconds (at most) the next operation sweeps the whole
 * layer, so dead channels do not pile up; there is no timer.
 *
 * Unlike Channels' in-memory layer, a message expiring does not remove its channel from its
 * groups: channels_redis does not either, and consumers leave through `discardChannel()`, so
 * every layer behaves alike. `flush()` keeps pending receives waiting (they are listeners, not
 * state); `close()` rejects them. After `close()`, `groupDiscard`, `discardChannel`, `flush` and
 * `close` are no-ops, so consumers that end during shutdown do not fail; anything else rejects
 * with `ChannelLayerClosed`.
 */
export declare class InMemoryChannelLayer implements ChannelLayer {
    readonly extensions: readonly string[];
    /** Seconds, as configured. */
    readonly expiry: number;
    readonly groupExpiry: number;
    readonly capacity: number;
    private readonly expiryMs;
    private readonly groupExpiryMs;
    private readonly capacities;
    private channels;
    private groups;
    private nextSweepAt;
    private closed;
    private readonly onAbort;
    constructor(options?: ChannelLayerOptions);
    newChannel(prefix?: string): Promise<string>;
    send(channel: string, message: Message): Promise<void>;
    receive(channel: string, options?: ReceiveOptions): Promise<Message>;
    receiveInto(channel: string, receiver: LayerReceiver): void;
    receiveNowait(channel: string): Message | undefined;
    /** The oldest unexpired message queued on `state`, if any. */
    private takeQueued;
    groupAdd(group: string, channel: string): Promise<void>;
    groupDiscard(group: string, channel: string): Promise<void>;
    groupSend(group: string, message: Message): Promise<void>;
    discardChannel(channel: string): Promise<void>;
    flush(): Promise<void>;
    close(): Promise<void>;
    /** Counts for tests and monitoring: live channels, groups, and messages waiting in queues. */
    stats(): {
        channels: number;
        groups: number;
        queuedMessages: number;
    };
    /** Hands `message` to a waiting receiver or queues it; false when the channel is full. */
    private deliver;
    private channelState;
    private leaveGroup;
    private leaveAllGroups;
    /** Forgets a channel nobody is using, so the map holds only live channels. */
    private releaseIfIdle;
    private sweepIfDue;
    private sweepIntervalMs;
    private assertOpen;
}
