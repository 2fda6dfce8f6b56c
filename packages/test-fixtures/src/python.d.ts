/** A Python interpreter that can import channels_redis (PYTHON, python3, then Debian's), or undefined. */
export declare const PYTHON: string | undefined;
