export * from "./application-communicator";
export * from "./websocket-communicator";
export * from "./http-communicator";
