import { InvalidLayerOption } from "@channels-ts/core";

/** Option names both Redis layers accept (`RedisConnectionOptions`). */
export const CONNECTION_OPTIONS = [
  "hosts",
  "prefix",
  "reconnectMinDelayMs",
  "reconnectMaxDelayMs",
  "logger",
  "operationTimeoutMs",
  "warnIntervalMs",
] as const;

/**
 * Throw `InvalidLayerOption` naming the first key of `options` that is not in `known`, as the
 * in-memory layer does: a misspelt option (`groupExpiray`) would otherwise be ignored in silence.
 */
export function rejectUnknownOptions(layerName: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const value = (options as Record<string, unknown>)[key];
    throw new InvalidLayerOption(key, value, `no such option of ${layerName}; use ${known.join(", ")}`);
  }
}
