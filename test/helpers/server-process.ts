import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { expect } from "vitest";
import { askRunningServer } from "../../src/server/platform/backup/control-socket.js";

const root = new URL("../../", import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The server as `npm start` runs it, on the database `env` names; resolves once it is ready: on PGlite when its
 * control socket answers (it opens last), on PostgreSQL when the HTTP port answers.
 */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    // The job table stays off unless a test turns it on: these tests count the audit records their own requests
    // cause, and the job table writes its own on its schedule (the demo's first start queues notice mails whose
    // delivery outcome is audited), which made a backup's "later writes" differ from run to run under load.
    env: { TSUNAGU_JOBS: "0", ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const ready = env.DATABASE_URL
    ? () => fetch(`http://127.0.0.1:${port}/api/openapi.json`).then((res) => res.ok)
    : () => askRunningServer(env.TSUNAGU_DATA_DIR as string, "ping").then((answer) => answer !== null);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server ended with ${child.exitCode}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("server did not start");
}

export async function stopServer(child: ChildProcess) {
  const ended = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await ended;
}

/** A sign-in with an unknown login ID: the server writes a login_failed record into the demo's audit chain. */
export async function failedSignIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ municipalityCode: "999001", loginId: `nobody-${Date.now()}`, password: "wrong-password" }),
  });
  expect(res.status).toBe(401);
}
