import { WebsocketConsumer, type Application } from "@channels-ts/core";
/** Echoes what the router put in `scope.url_route.kwargs`, so the routes below can be seen working. */
export declare class KwargsEcho extends WebsocketConsumer {
    connect(): Promise<void>;
}
export declare const websocketRoutes: import("@channels-ts/core").URLRouterApplication;
export declare const archive: import("@channels-ts/core").URLRouterApplication;
export declare const application: Application;
