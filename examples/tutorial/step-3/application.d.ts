export declare const application: import("@channels-ts/core").Application;
