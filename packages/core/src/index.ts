export * from "./types";
export * from "./errors";
export * from "./layers";
export * from "./routing";
export * from "./consumers";
export * from "./middleware";
export * from "./testing";
export * from "./worker";
export { decodePath } from "./util/decode-path";
