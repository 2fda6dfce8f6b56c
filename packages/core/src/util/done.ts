/**
 * One promise, already resolved with undefined, shared by everything that has finished at once:
 * the server's `send` of a frame, the in-memory layer's calls. A consumer that gets it back from
 * a handler knows the handler is done and dispatches the next message in the same turn, without
 * waiting a microtask for a promise that has nothing left to do. Not frozen: async hooks (Jest,
 * AsyncLocalStorage) tag every promise they see with a property of their own.
 */
export const DONE: Promise<void> = Promise.resolve();
