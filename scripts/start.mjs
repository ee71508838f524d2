// npm start: build the web app if needed, then run the server (it migrates the database and loads the demo).
import { spawn } from "node:child_process";
import { buildWebIfStale } from "./build-web.mjs";

buildWebIfStale();
const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
