export * from "./channel-layer";
