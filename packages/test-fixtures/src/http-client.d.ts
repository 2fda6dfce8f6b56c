import { type IncomingHttpHeaders } from "node:http";
export interface Reply {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
}
/** One HTTP request on its own connection (no agent, so nothing stays open), body read as text. */
export declare function fetchText(url: string, options?: {
    method?: string;
    headers?: Record<string, string> | string[];
    body?: string | Buffer;
}): Promise<Reply>;
