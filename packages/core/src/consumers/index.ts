export { handlerNameFor, reserveFrameworkNames, type HandlerName } from "./handler-name";
export type { AnyMessages, Handlers, MessageMap, MessageOf } from "./typed-messages";
export { BaseConsumer, type RunnableConsumer } from "./base-consumer";
export { AsyncConsumer } from "./async-consumer";
export { WebsocketConsumer } from "./websocket-consumer";
export { INVALID_JSON_CLOSE_CODE, JsonWebsocketConsumer, UNSUPPORTED_DATA_CLOSE_CODE } from "./json-websocket-consumer";
export { HttpConsumer, type HeadersInit } from "./http-consumer";
