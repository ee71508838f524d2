import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  /** stdout parsed as JSON (for --json runs); undefined when it is not JSON */
  json: any;
}

/** Runs the operator CLI as operators do: a separate process, on the database its environment names. */
export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, ["--import", "tsx", "src/server/cli/main.ts", ...args], {
      cwd: root,
      env,
    }));
  } catch (e) {
    const err = e as { code: number; stdout: string };
    code = err.code;
    stdout = err.stdout;
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, json };
}
