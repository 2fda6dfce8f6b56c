import { startProcess } from "../src/child-process";

/** A node process running `script`. */
function node(script: string) {
  return startProcess(process.execPath, ["-e", script], { name: "the script" });
}

test("waitFor resolves with the match of a line written on either stream; exited carries the code", async () => {
  await using child = node('console.log("ready on 42"); console.error("oops"); process.exitCode = 3;');
  const [, port] = await child.waitFor(/ready on (\d+)/);
  expect(port).toBe("42");
  await child.waitFor(/oops/);
  expect(await child.exited).toEqual({ code: 3, signal: null });
  expect([child.stdout, child.stderr]).toEqual(["ready on 42\n", "oops\n"]);
});

test("waitFor rejects, naming the process, the pattern and the output, on a timeout or once the process has ended", async () => {
  await using child = node('console.log("started"); setInterval(() => {}, 1000);');
  await child.waitFor(/started/);
  await expect(child.waitFor(/never/, 100)).rejects.toThrow(
    "the script wrote nothing matching for 100 ms before writing /never/; its output:\nstarted\n",
  );
  await child.stop();
  await expect(child.waitFor(/never/)).rejects.toThrow("the script ended (SIGTERM) before writing /never/");
});

test("stop sends SIGTERM, and SIGKILL after the grace period to a process that ignores it", async () => {
  await using polite = node('console.log("up"); setInterval(() => {}, 1000);');
  await polite.waitFor(/up/);
  expect(await polite.stop()).toEqual({ code: null, signal: "SIGTERM", killed: false });

  await using stubborn = node('process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);');
  await stubborn.waitFor(/up/);
  expect(await stubborn.stop(200)).toEqual({ code: null, signal: "SIGKILL", killed: true });
  expect(stubborn.alive).toBe(false);
});

test("env is laid over this process's environment, and undefined removes a variable", async () => {
  process.env.FIXTURE_INHERITED = "kept";
  process.env.FIXTURE_REMOVED = "present";
  try {
    await using child = startProcess(
      process.execPath,
      [
        "-e",
        "console.log([process.env.FIXTURE_INHERITED, process.env.FIXTURE_ADDED, process.env.FIXTURE_REMOVED].join())",
      ],
      { env: { FIXTURE_ADDED: "added", FIXTURE_REMOVED: undefined } },
    );
    await child.exited;
    expect(child.stdout).toBe("kept,added,\n");
  } finally {
    delete process.env.FIXTURE_INHERITED;
    delete process.env.FIXTURE_REMOVED;
  }
});
