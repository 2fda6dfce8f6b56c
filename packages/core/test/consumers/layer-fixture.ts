import { InMemoryChannelLayer, channelLayers, type ChannelLayer } from "@channels-ts/core";

/** Installs a fresh in-memory layer as "default" for each test and restores the previous one. */
export function useInMemoryLayer(): () => InMemoryChannelLayer {
  let layer: InMemoryChannelLayer | undefined;
  let previous: ChannelLayer | undefined;
  beforeEach(() => {
    layer = new InMemoryChannelLayer();
    previous = channelLayers.set("default", layer);
  });
  afterEach(async () => {
    channelLayers.set("default", previous);
    await layer?.close();
  });
  return () => {
    if (layer === undefined) throw new Error("useInMemoryLayer: no layer outside a test");
    return layer;
  };
}
