"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Memberships = void 0;
/**
 * The group memberships this layer made, with the score Redis holds for each, so the layer can
 * refresh the live ones before `groupExpiry`, put them all back after Redis lost its data, and
 * remove a channel from all its groups when it is discarded.
 */
class Memberships {
    byGroup = new Map();
    byChannel = new Map();
    add(group, channel, score) {
        let members = this.byGroup.get(group);
        if (members === undefined)
            this.byGroup.set(group, (members = new Map()));
        members.set(channel, score);
        let groups = this.byChannel.get(channel);
        if (groups === undefined)
            this.byChannel.set(channel, (groups = new Set()));
        groups.add(group);
    }
    remove(group, channel) {
        const members = this.byGroup.get(group);
        if (members?.delete(channel) && members.size === 0)
            this.byGroup.delete(group);
        const groups = this.byChannel.get(channel);
        if (groups?.delete(group) && groups.size === 0)
            this.byChannel.delete(channel);
    }
    /** Forget `channel` everywhere; returns the groups it was in. */
    removeChannel(channel) {
        const groups = [...(this.byChannel.get(channel) ?? [])];
        for (const group of groups)
            this.remove(group, channel);
        return groups;
    }
    /** Members of `group` (channel to score), undefined when it has none. */
    membersOf(group) {
        return this.byGroup.get(group);
    }
    groupsOf(channel) {
        return this.byChannel.get(channel);
    }
    get size() {
        return this.byChannel.size;
    }
    /** Every `[group, members]` pair, members mapping channel to score. */
    groups() {
        return this.byGroup.entries();
    }
    clear() {
        this.byGroup.clear();
        this.byChannel.clear();
    }
}
exports.Memberships = Memberships;
//# sourceMappingURL=memberships.js.map