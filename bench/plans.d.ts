/** The runs of `npm run bench` (standard) and `npm run bench:quick`: loadgen arguments per scenario. */
export interface RunSpec {
    /** Stable id, used to find the figure in the table. */
    id: string;
    scenario: "fanout" | "echo" | "connect";
    args: Record<string, number>;
}
export interface Plan {
    repeats: number;
    servers: string[];
    runs: RunSpec[];
}
export declare const STANDARD: Plan;
export declare const QUICK: Plan;
