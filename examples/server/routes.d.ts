import { type Application } from "@channels-ts/core";
export declare const application: Application;
