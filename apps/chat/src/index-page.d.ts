import { HttpConsumer } from "@channels-ts/core";
/** The room a page without `?num=` joins: a usable page, never a room called "None". */
export declare const DEFAULT_ROOM = "lobby";
export declare function escapeHtml(text: string): string;
/** A JSON string literal that is also safe inside an inline <script> element. */
export declare function scriptString(text: string): string;
export declare function renderPage(room: string): string;
/** `GET /?num=N`: the chat page for room N. */
export declare class IndexPage extends HttpConsumer {
    handle(): Promise<void>;
}
