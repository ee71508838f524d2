// Bundles the server into dist/server (plain JavaScript, dependencies left external) when it is missing or older
// than its sources, so that `npm start` runs node directly instead of compiling TypeScript at every start.
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export const serverEntry = "dist/server/main.js";

export async function buildServerIfStale({ force = false } = {}) {
  const sources = Math.max(newest("src/server"), newest("src/domain"), statSync("package-lock.json").mtimeMs);
  if (!force && existsSync(serverEntry) && statSync(serverEntry).mtimeMs >= sources) return;
  rmSync("dist/server", { recursive: true, force: true });
  await build({
    entryPoints: ["src/server/main.ts"],
    outfile: serverEntry,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  // the migrator reads the SQL files next to the code that runs it
  cpSync("src/server/db/migrations", "dist/server/migrations", { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`)
  await buildServerIfStale({ force: process.argv.includes("--force") });
