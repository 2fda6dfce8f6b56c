import { spawnSync } from "node:child_process";

/** A Python interpreter that can import channels_redis (PYTHON, python3, then Debian's), or undefined. */
export const PYTHON = [process.env.PYTHON, "python3", "/usr/bin/python3"].find(
  (candidate) =>
    candidate !== undefined &&
    spawnSync(candidate, ["-c", "import channels_redis, channels"], { stdio: "ignore" }).status === 0,
);
