/** The tutorial's routing: the page over HTTP, the room over WebSocket. */
export declare const application: import("@channels-ts/core").Application;
