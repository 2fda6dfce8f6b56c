/**
 * Rejects, at definition time, the two usual slips: a non-function, and a consumer class
 * passed where its application (`Consumer.asApp()`) belongs. Both would otherwise fail
 * only on the first connection.
 */
export declare function assertApplication(where: string, app: unknown): void;
