/** The Markdown table of a bench run: medians per server and figure, with ratios to the plain `ws` server. */
export type Result = Record<string, unknown> & {
    server: string;
    run: string;
};
interface Figure {
    label: string;
    run: string;
    /** The number read from one result. */
    read(result: Result): number | undefined;
    format(value: number): string;
    /** How the cell compares with the baseline: a ratio, or a difference (memory). */
    compare: "ratio" | "difference" | "none";
    unit?: string;
}
export declare function figuresFor(runs: string[]): Figure[];
export declare function median(values: number[]): number | undefined;
/** One table: a row per figure, a column per server; then the error counts summed over every run. */
export declare function renderTable(results: Result[], servers: Array<{
    key: string;
    name: string;
}>, runs: string[]): string;
export {};
