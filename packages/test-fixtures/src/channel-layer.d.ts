import { InMemoryChannelLayer, type ChannelLayer } from "@channels-ts/core";
/** A layer put in `channelLayers` for a while; disposing it puts the previous layer back and closes this one. */
export interface InstalledLayer<L extends ChannelLayer | undefined> extends AsyncDisposable {
    readonly layer: L;
}
/**
 * Points `alias` at `layer` (or at no layer, for `undefined`) until the `await using` block ends:
 * `await using installed = installChannelLayer(new InMemoryChannelLayer())`.
 */
export declare function installChannelLayer<L extends ChannelLayer | undefined>(layer: L, alias?: string): InstalledLayer<L>;
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
export declare function useChannelLayer<L extends ChannelLayer = InMemoryChannelLayer>(options?: UseChannelLayerOptions<L>): () => L;
