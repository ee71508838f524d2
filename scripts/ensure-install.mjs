// Installs the npm dependencies when they are missing or older than the lock file, so that
// `npm start` and `npm test` work on a fresh clone with nothing done by hand.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const marker = "node_modules/.package-lock.json";
const stale = !existsSync(marker) || statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs + 1000;
if (stale) {
  // npm install rather than npm ci: it installs the locked versions too, and npm ci refuses a lock file that does
  // not list every platform's optional binaries (which npm 11 omits for packages such as @biomejs/cli-*).
  console.log("依存パッケージをインストールしています（npm install）…");
  execSync("npm install --no-audit --no-fund", { stdio: "inherit" });
}
