// The declarations use Node types (Buffer, AbortSignal, node:http): this keeps the reference in the
// emitted index.d.ts, so a project gets them without `types: ["node"]` (TypeScript 6 defaults to none).
/// <reference types="node" preserve="true" />
export * from "./types";
export * from "./errors";
export * from "./layers";
export * from "./routing";
export * from "./consumers";
export * from "./middleware";
export * from "./testing";
export * from "./worker";
export { decodePath } from "./util/decode-path";
