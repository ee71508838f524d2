// npm start: build the web app and the server bundle if needed, then run the server under the supervisor, which
// starts it again if it ends without being asked to (scripts/supervise.mjs). The server migrates the database and
// loads the demo municipality on first run.
import { buildServerIfStale, serverEntry } from "./build-server.mjs";
import { buildWebIfStale } from "./build-web.mjs";
import { supervise } from "./supervise.mjs";

buildWebIfStale();
await buildServerIfStale();
process.exit(await supervise({ command: process.execPath, args: ["--enable-source-maps", serverEntry] }));
