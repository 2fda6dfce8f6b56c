import type { Application, Receive, Scope, Send } from "@channels-ts/core";
/** An application that records every scope it is called with. */
export interface FakeApp extends Application {
    readonly scopes: Scope[];
    /** The scope of the most recent call; fails the test if there was none. */
    last(): Scope;
}
export declare function fakeApp(): FakeApp;
export declare const receive: Receive;
export declare const send: Send;
/** Calls `app` with a fresh scope built from `fields`. */
export declare function call(app: Application, fields: Record<string, unknown>): Promise<void>;
