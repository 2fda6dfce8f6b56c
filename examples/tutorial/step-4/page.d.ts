import { HttpConsumer } from "@channels-ts/core";
/** `GET /?num=N`: the page of room N (the Django view `index`). */
export declare class IndexPage extends HttpConsumer {
    handle(): Promise<void>;
}
