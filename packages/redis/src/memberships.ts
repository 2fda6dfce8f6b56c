/**
 * The group memberships this layer made, with the score Redis holds for each, so the layer can
 * refresh the live ones before `groupExpiry`, put them all back after Redis lost its data, and
 * remove a channel from all its groups when it is discarded.
 */
export class Memberships {
  private readonly byGroup = new Map<string, Map<string, number>>();
  private readonly byChannel = new Map<string, Set<string>>();

  add(group: string, channel: string, score: number): void {
    let members = this.byGroup.get(group);
    if (members === undefined) this.byGroup.set(group, (members = new Map()));
    members.set(channel, score);
    let groups = this.byChannel.get(channel);
    if (groups === undefined) this.byChannel.set(channel, (groups = new Set()));
    groups.add(group);
  }

  remove(group: string, channel: string): void {
    const members = this.byGroup.get(group);
    if (members?.delete(channel) && members.size === 0) this.byGroup.delete(group);
    const groups = this.byChannel.get(channel);
    if (groups?.delete(group) && groups.size === 0) this.byChannel.delete(channel);
  }

  /** Forget `channel` everywhere; returns the groups it was in. */
  removeChannel(channel: string): string[] {
    const groups = [...(this.byChannel.get(channel) ?? [])];
    for (const group of groups) this.remove(group, channel);
    return groups;
  }

  /** Members of `group` (channel to score), undefined when it has none. */
  membersOf(group: string): ReadonlyMap<string, number> | undefined {
    return this.byGroup.get(group);
  }

  groupsOf(channel: string): ReadonlySet<string> | undefined {
    return this.byChannel.get(channel);
  }

  get size(): number {
    return this.byChannel.size;
  }

  /** Groups with at least one membership made here. */
  get groupCount(): number {
    return this.byGroup.size;
  }

  /** Every `[group, members]` pair, members mapping channel to score. */
  groups(): IterableIterator<[string, Map<string, number>]> {
    return this.byGroup.entries();
  }

  clear(): void {
    this.byGroup.clear();
    this.byChannel.clear();
  }
}
