import { channelLayers } from "@channels-ts/core";

/** Why the server is not ready, or undefined when it is. */
export function notReadyReason(closing: boolean, layerAliases: readonly string[]): string | undefined {
  if (closing) return "shutting down";
  for (const alias of layerAliases) {
    const layer = channelLayers.get(alias);
    if (layer?.stats !== undefined && !layer.stats().up) return `channel layer ${JSON.stringify(alias)} is down`;
  }
  return undefined;
}
