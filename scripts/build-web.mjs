// Builds the web app into dist/web when it is missing or older than its sources, with a brotli and a gzip copy of
// every compressible file (precompress.mjs).
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { precompress } from "./precompress.mjs";

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function buildWebIfStale({ force = false } = {}) {
  const out = "dist/web/index.html";
  const sources = Math.max(
    newest("src/web"),
    newest("src/domain"),
    newest("src/server/modules"),
    statSync("vite.config.ts").mtimeMs,
  );
  if (force || !existsSync(out) || statSync(out).mtimeMs < sources) {
    console.log("画面を構築しています（vite build）…");
    execSync("npx vite build --logLevel warn", { stdio: "inherit" });
    precompress("dist/web");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale({ force: process.argv.includes("--force") });
