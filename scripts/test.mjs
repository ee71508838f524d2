// npm test: every test, browser tests included. Builds the web app first (the browser tests use dist/web).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildWebIfStale } from "./build-web.mjs";

if (!existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  console.error(
    "Chromium が見つかりません。ブラウザテストには Debian の chromium が必要です: apt-get install -y chromium fonts-noto-cjk",
  );
  process.exit(1);
}
buildWebIfStale();
const args = ["vitest", "run", ...process.argv.slice(2)];
const result = spawnSync("npx", args, { stdio: "inherit" });
process.exit(result.status ?? 1);
