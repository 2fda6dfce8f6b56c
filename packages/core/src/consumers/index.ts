export * from "./handler-name";
export * from "./typed-messages";
export * from "./base-consumer";
export * from "./async-consumer";
export * from "./websocket-consumer";
export * from "./json-websocket-consumer";
export * from "./http-consumer";
