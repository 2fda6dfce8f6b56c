/** What a full channel does to `send` and to `groupSend`; `npx tsx examples/docs/layers/overload.ts`. */
export declare function overload(): Promise<string[]>;
