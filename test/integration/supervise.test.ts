/**
 * npm start's supervisor (scripts/supervise.mjs) with a tiny stand-in server instead of tsunagu, so that each case
 * takes about a second: restarts after a crash, gives up on a server that cannot start, stops everything on
 * SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-supervise-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const supervisorModule = new URL("../../scripts/supervise.mjs", import.meta.url).href;

/**
 * The stand-in server: appends its pid to a runs file, then per run (by its number) crashes as the plan says:
 * "throw" (an uncaught exception), "kill" (SIGKILL, as the kernel's out-of-memory killer does), "early" (exits
 * before it is ready), "config" (exits before it is ready with EX_CONFIG, as for a data folder it must not open)
 * or "serve" (ready, and stays until SIGTERM, which it records).
 */
const server = path.join(dir, "server.mjs");
writeFileSync(
  server,
  `import { appendFileSync, readFileSync } from "node:fs";
const [runs, plan] = process.argv.slice(2);
// the handler goes first: once its pid is in the runs file the test may signal it
process.on("SIGTERM", () => { appendFileSync(runs + ".stopped", process.pid + "\\n"); process.exit(0); });
appendFileSync(runs, process.pid + "\\n");
const run = readFileSync(runs, "utf8").trim().split("\\n").length - 1;
const step = plan.split(",")[Math.min(run, plan.split(",").length - 1)];
if (step === "early") process.exit(3);
if (step === "config") process.exit(78);
process.send?.({ type: "ready" });
if (step === "throw") setTimeout(() => { throw new Error("boom"); }, 20);
if (step === "kill") setTimeout(() => process.kill(process.pid, "SIGKILL"), 20);
setInterval(() => {}, 1000);
`,
);

function startSupervisor(name: string, plan: string, delaysMs = [50, 100]) {
  const runs = path.join(dir, `${name}.runs`);
  const harness = path.join(dir, `${name}.mjs`);
  writeFileSync(
    harness,
    `import { supervise } from ${JSON.stringify(supervisorModule)};
process.exit(await supervise({
  command: process.execPath,
  args: [${JSON.stringify(server)}, ${JSON.stringify(runs)}, ${JSON.stringify(plan)}],
  delaysMs: ${JSON.stringify(delaysMs)},
  stableRunMs: 5000,
  maxStartupFailures: 3,
  stopTimeoutMs: 2000,
}));
`,
  );
  const child = spawn(process.execPath, [harness], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const pids = () => (existsSync(runs) ? readFileSync(runs, "utf8").trim().split("\n").map(Number) : []);
  const stopped = () => (existsSync(`${runs}.stopped`) ? readFileSync(`${runs}.stopped`, "utf8").trim() : "");
  return { child, exited, pids, stopped, log: () => log };
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start's supervisor", () => {
  it("restarts the server after an uncaught exception and after SIGKILL, logs each, and SIGTERM stops both", async () => {
    const s = startSupervisor("crashes", "throw,kill,serve");
    await until(() => s.pids().length === 3);
    await until(() => s.log().split("再起動します").length - 1 === 2);
    expect(s.log()).toMatch(/サーバーが終了しました（終了コード 1、[\d.]+秒稼働）。0\.05秒後に再起動します。/);
    expect(s.log()).toMatch(/サーバーが終了しました（シグナル SIGKILL、[\d.]+秒稼働）。0\.1秒後に再起動します。/);
    const serving = s.pids()[2] as number;
    expect(alive(serving)).toBe(true);

    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(s.stopped()).toBe(String(serving)); // the server got the signal and ended on its own
    expect(alive(serving)).toBe(false);
    expect(s.pids()).toHaveLength(3); // and was not started again
  });

  it("gives up with a message after failing to start 3 times in a row", async () => {
    const s = startSupervisor("broken", "early");
    expect(await s.exited).toBe(1);
    expect(s.pids()).toHaveLength(3);
    expect(s.log()).toMatch(/サーバーが起動中に終了しました（終了コード 3/);
    expect(s.log()).toMatch(/起動できないまま3回続けて終了したため、再起動をやめます（最後は終了コード 3）/);
  });

  it("does not start again a server that ended with EX_CONFIG before it was ready", async () => {
    const s = startSupervisor("config", "config,serve");
    expect(await s.exited).toBe(1);
    expect(s.pids()).toHaveLength(1);
    expect(s.log()).toMatch(/設定を直すまで起動できません/);
  });

  it("stops during the pause before a restart without starting the server again", async () => {
    const s = startSupervisor("pause", "throw,serve", [5000]);
    await until(() => s.log().includes("5秒後に再起動します"));
    const t0 = Date.now();
    (s.child as ChildProcess).kill("SIGINT");
    expect(await s.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.pids()).toHaveLength(1);
  });
});
