/** Something a test opens and must shut: a layer (`close()`) or a Redis client (`disconnect()`). */
export type Closable = {
    close(): unknown;
} | {
    disconnect(): unknown;
};
/**
 * `resource`, closed when the `await using` block holding it ends, failed or not:
 * `await using layer = closing(new RedisChannelLayer(...))` instead of try/finally.
 */
export declare function closing<T extends Closable>(resource: T): T & AsyncDisposable;
