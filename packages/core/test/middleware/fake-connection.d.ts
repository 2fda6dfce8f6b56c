import type { Headers, Message, Receive, Scope, Send } from "../../src/types";
/** In-process stand-in for a server: feed it client events, read what the application sent. */
export declare function fakeConnection(...incoming: Message[]): {
    receive: Receive;
    send: Send;
    sent: Message[];
    push: (m: Message) => void;
    nextSent: () => Promise<Message>;
};
export declare function websocketScope(headers?: Headers, extra?: Record<string, unknown>): Scope;
export declare function httpScope(headers?: Headers, extra?: Record<string, unknown>): Scope;
/** An application that records the scope it was given and returns. */
export declare function scopeRecorder(): {
    app: (scope: Scope) => Promise<void>;
    seen: Scope[];
};
/** Runs a WebSocket handshake against `app`; true if it accepted, false if it closed. */
export declare function handshake(app: (s: Scope, r: Receive, s2: Send) => Promise<void>, scope: Scope): Promise<boolean>;
