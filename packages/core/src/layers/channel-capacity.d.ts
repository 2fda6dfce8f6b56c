/**
 * Per-channel capacities from `channelCapacity`: patterns compiled once, first match wins,
 * the default capacity otherwise. A glob must match the whole name (fnmatch); a RegExp is
 * tested as given (anchor it with `^...$` to match the whole name), its `g`/`y` flags dropped
 * so that testing is stateless.
 */
export declare class ChannelCapacities {
    readonly defaultCapacity: number;
    private readonly patterns;
    private readonly capacities;
    constructor(channelCapacity: ReadonlyArray<readonly [string | RegExp, number]> | undefined, defaultCapacity: number);
    /** The capacity of `channel`: the first matching pattern's, or the default. */
    get(channel: string): number;
}
/** Throws `InvalidLayerOption` unless `value` is a positive safe integer. */
export declare function requireCapacity(option: string, value: unknown): number;
