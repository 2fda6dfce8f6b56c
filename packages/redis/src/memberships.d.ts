/**
 * The group memberships this layer made, with the score Redis holds for each, so the layer can
 * refresh the live ones before `groupExpiry`, put them all back after Redis lost its data, and
 * remove a channel from all its groups when it is discarded.
 */
export declare class Memberships {
    private readonly byGroup;
    private readonly byChannel;
    add(group: string, channel: string, score: number): void;
    remove(group: string, channel: string): void;
    /** Forget `channel` everywhere; returns the groups it was in. */
    removeChannel(channel: string): string[];
    /** Members of `group` (channel to score), undefined when it has none. */
    membersOf(group: string): ReadonlyMap<string, number> | undefined;
    groupsOf(channel: string): ReadonlySet<string> | undefined;
    get size(): number;
    /** Every `[group, members]` pair, members mapping channel to score. */
    groups(): IterableIterator<[string, Map<string, number>]>;
    clear(): void;
}
