// npm start: build the web app and the server bundle if needed, then run the server
// (it migrates the database and loads the demo municipality on first run).
import { spawn } from "node:child_process";
import { buildServerIfStale, serverEntry } from "./build-server.mjs";
import { buildWebIfStale } from "./build-web.mjs";

buildWebIfStale();
await buildServerIfStale();
const child = spawn(process.execPath, ["--enable-source-maps", serverEntry], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
