import type { Application, Headers, HttpScope } from "../types";
import { ApplicationCommunicator } from "./application-communicator";
export interface HttpResponse {
    status: number;
    headers: Headers;
    body: Buffer;
}
/** Sends one HTTP request to an application in-process (Channels' HttpCommunicator). */
export declare class HttpCommunicator extends ApplicationCommunicator<HttpScope> {
    private readonly body;
    constructor(application: Application<HttpScope>, method: string, path: string, body?: string | Uint8Array, headers?: Headers);
    /** Sends the request and collects the whole response (start and every body chunk). */
    getResponse(timeoutMs?: number): Promise<HttpResponse>;
}
