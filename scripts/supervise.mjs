// Keeps the server running (npm start). A server that ends without being asked to (out of memory, an uncaught
// exception, killed by someone) is started again after a short pause, longer when it keeps ending. A server that
// fails before it is ready (a broken database, a port in use) is not retried forever: after a few such failures in
// a row the supervisor gives up with a message, so that the operator, or a service manager above it, sees it.
// A server that was ready is always restarted: no request can make the supervisor give up. A server that ends with
// EX_CONFIG (78) said why it cannot start until the operator acts (a data folder it must not open): not retried.
// SIGINT and SIGTERM stop the server (it closes its database) and then the supervisor.
import { spawn } from "node:child_process";

export const DEFAULTS = {
  /** pause before each restart, by how many runs in a row were short; the last one repeats */
  delaysMs: [1_000, 2_000, 5_000, 10_000],
  /** a run at least this long starts the pauses again from the first */
  stableRunMs: 60_000,
  /** failures before "ready" in a row before giving up */
  maxStartupFailures: 5,
  /** how long the server has to stop after SIGINT / SIGTERM before it is killed */
  stopTimeoutMs: 15_000,
};

const EX_CONFIG = 78;

const stamp = () => new Date().toISOString();

/**
 * Runs `command args` with an IPC channel (the server sends { type: "ready" } once it listens) and restarts it
 * when it ends. Resolves with the supervisor's exit code: 0 after a requested stop, 1 after giving up.
 */
export function supervise({ command, args, env = process.env, log = (line) => console.error(line), ...options }) {
  const { delaysMs, stableRunMs, maxStartupFailures, stopTimeoutMs } = { ...DEFAULTS, ...options };
  let child = null;
  let stopping = false;
  let restartTimer = null;
  let shortRuns = 0;
  let startupFailures = 0;

  return new Promise((resolve) => {
    const start = () => {
      restartTimer = null;
      const startedAt = Date.now();
      let ready = false;
      child = spawn(command, args, { env, stdio: ["inherit", "inherit", "inherit", "ipc"] });
      child.on("message", (message) => {
        if (message?.type === "ready") ready = true;
      });
      child.on("exit", (code, signal) => {
        child = null;
        if (stopping) return resolve(0);
        const ranMs = Date.now() - startedAt;
        const how = signal ? `シグナル ${signal}` : `終了コード ${code}`;
        if (!ready && code === EX_CONFIG) {
          log(`${stamp()} サーバーは設定を直すまで起動できません（上のメッセージ）。再起動はしません。`);
          return resolve(1);
        }
        startupFailures = ready ? 0 : startupFailures + 1;
        if (startupFailures >= maxStartupFailures) {
          log(
            `${stamp()} サーバーが起動できないまま${startupFailures}回続けて終了したため、再起動をやめます（最後は${how}）。` +
              "上のログで原因を確かめてから、もう一度 npm start してください。",
          );
          return resolve(1);
        }
        shortRuns = ranMs < stableRunMs ? shortRuns + 1 : 0;
        const delay = delaysMs[Math.min(Math.max(shortRuns - 1, 0), delaysMs.length - 1)];
        log(
          `${stamp()} サーバーが${ready ? "" : "起動中に"}終了しました（${how}、${(ranMs / 1000).toFixed(1)}秒稼働）。` +
            `${delay / 1000}秒後に再起動します。`,
        );
        restartTimer = setTimeout(start, delay);
      });
    };

    const stop = (signal) => {
      if (stopping) return;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (!child) return resolve(0);
      const running = child;
      running.kill(signal);
      setTimeout(() => {
        if (running.exitCode === null && running.signalCode === null) running.kill("SIGKILL");
      }, stopTimeoutMs).unref();
    };
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
    start();
  });
}
