/**
 * The drops a chat process's Redis layer reported in its rate-limited warning lines, by reason:
 * `RedisChannelLayer: dropped N message(s) ... (reason)` and
 * `RedisPubSubChannelLayer: dropped N reason, M reason (last for ...)`.
 */
export function countedDrops(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (reason: string, count: number): void => {
    counts[reason] = (counts[reason] ?? 0) + count;
  };
  for (const line of output.split("\n")) {
    const core = /RedisChannelLayer: dropped (\d+) message\(s\)[^(]*\(([^)]+)\)/.exec(line);
    if (core !== null) add(core[2] as string, Number(core[1]));
    const pubsub = /RedisPubSubChannelLayer: dropped (.+?)(?: \(last for |\.$)/.exec(line);
    if (pubsub === null) continue;
    for (const part of (pubsub[1] as string).split(", ")) {
      const match = /^(\d+) (.+)$/.exec(part);
      if (match !== null) add(match[2] as string, Number(match[1]));
    }
  }
  return counts;
}

/** All the counts of `countedDrops`, summed. */
export function totalDrops(output: string): number {
  return Object.values(countedDrops(output)).reduce((sum, count) => sum + count, 0);
}
