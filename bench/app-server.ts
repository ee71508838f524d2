import { spawn } from "node:child_process";

/**
 * The app served as `npm start` serves it, on its own data folder and a random port of the benchmark's range, for a
 * benchmark to load over HTTP. Resolves once /healthz answers; `stop` ends it as a service manager would (SIGTERM).
 */
export async function startAppServer(options: { dir: string; portBase: number; env?: Record<string, string> }) {
  const port = options.portBase + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, TSUNAGU_DATA_DIR: options.dir, PORT: String(port), LOG_LEVEL: "warn", ...options.env },
    stdio: "inherit",
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  // a first start migrates and loads the demo: allow two minutes
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the app did not answer on ${base} within two minutes`);
}
