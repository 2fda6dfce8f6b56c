/** A promise with its resolver outside, to let a test and an application wait on each other. */
export declare function deferred<T = void>(): {
    promise: Promise<T>;
    resolve: (value: T) => void;
};
