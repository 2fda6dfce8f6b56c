/**
 * The drops a chat process's Redis layer reported in its rate-limited warning lines, by reason:
 * `<Layer>: dropped N <reason>[ in the last X s] (last for ...); T for this reason since start.`
 */
export function countedDrops(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of output.split("\n")) {
    const match = /Redis(?:PubSub)?ChannelLayer: dropped (\d+) (.+?)(?: in the last \d+ s)? \(last for /.exec(line);
    if (match === null) continue;
    const reason = match[2] as string;
    counts[reason] = (counts[reason] ?? 0) + Number(match[1]);
  }
  return counts;
}

/** All the counts of `countedDrops`, summed. */
export function totalDrops(output: string): number {
  return Object.values(countedDrops(output)).reduce((sum, count) => sum + count, 0);
}
