import type { StartSpec } from "./processes";
export type ClientKind = "ws" | "socketio";
export interface ServerSpec {
    key: string;
    name: string;
    kind: ClientKind;
    processes: number;
    redis: boolean;
    start(redisUrl: string | undefined): StartSpec;
}
export declare const ROOT: string;
export declare const SERVERS: ServerSpec[];
