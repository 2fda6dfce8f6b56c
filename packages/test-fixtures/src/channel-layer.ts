import { InMemoryChannelLayer, channelLayers, type ChannelLayer } from "@channels-ts/core";

/** A layer put in `channelLayers` for a while; disposing it puts the previous layer back and closes this one. */
export interface InstalledLayer<L extends ChannelLayer | undefined> extends AsyncDisposable {
  readonly layer: L;
}

/**
 * Points `alias` at `layer` (or at no layer, for `undefined`) until the `await using` block ends:
 * `await using installed = installChannelLayer(new InMemoryChannelLayer())`.
 */
export function installChannelLayer<L extends ChannelLayer | undefined>(
  layer: L,
  alias = "default",
): InstalledLayer<L> {
  const previous = channelLayers.set(alias, layer);
  return {
    layer,
    async [Symbol.asyncDispose](): Promise<void> {
      channelLayers.set(alias, previous);
      await layer?.close();
    },
  };
}

export interface UseChannelLayerOptions<L extends ChannelLayer> {
  /** Makes the layer; a fresh InMemoryChannelLayer by default. */
  make?: () => L;
  alias?: string;
  /** "each": a fresh layer per test (beforeEach/afterEach); "all": one for the block (beforeAll/afterAll). */
  per?: "each" | "all";
}

/**
 * A layer installed under `alias` (default "default") around each test, or around the whole
 * describe block with `per: "all"`, the previous one restored after. Returns a getter for it.
 */
export function useChannelLayer<L extends ChannelLayer = InMemoryChannelLayer>(
  options: UseChannelLayerOptions<L> = {},
): () => L {
  const make = options.make ?? ((): L => new InMemoryChannelLayer() as ChannelLayer as L);
  let installed: InstalledLayer<L> | undefined;
  const [before, after] = options.per === "all" ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(() => {
    installed = installChannelLayer(make(), options.alias);
  });
  after(async () => {
    await installed?.[Symbol.asyncDispose]();
    installed = undefined;
  });
  return () => {
    if (installed === undefined) throw new Error("useChannelLayer: no layer outside a test");
    return installed.layer;
  };
}
