export declare const application: import("@channels-ts/core").Application;
export declare const strict: import("@channels-ts/core").Application;
export declare const sameSite: import("@channels-ts/core").Application;
export declare const withCookies: import("@channels-ts/core").Application;
