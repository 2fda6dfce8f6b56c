export { ApplicationCancelled, ApplicationCommunicator } from "./application-communicator";
export { WebsocketCommunicator, type ConnectResult, type WebsocketCommunicatorOptions } from "./websocket-communicator";
export { HttpCommunicator, type HttpResponse } from "./http-communicator";
