import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { DataFolderRefused, refuseUnmovedPgliteDefault } from "./db/embedded-server/data-folder.js";
import { ensureDemoMunicipality } from "./demo/load-demo.js";
import { writeCheckpoints } from "./platform/audit-checkpoints/checkpoints.js";
import { listenControlSocket } from "./platform/backup/control-socket.js";
import { takeBackup } from "./platform/backup/snapshot.js";
import { loggerOptions } from "./platform/logging.js";

/** sysexits' "configuration error": the supervisor gives up at once instead of starting again */
const EX_CONFIG = 78;
const started = performance.now();
const config = loadConfig();
const database = await openOrExplain();
// A stop asked for while starting still closes the database, and with it the embedded server this process runs;
// the full shutdown below takes over once the app listens.
const stopWhileStarting = async () => {
  await database.close();
  process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM", "disconnect"] as const) process.once(signal, stopWhileStarting);
await database.migrate();
if (config.loadDemo) await ensureDemoMunicipality(database.db, { committees: true });
const app = await buildApp({
  db: database.db,
  sealerDb: database.background(),
  secureCookies: config.secureCookies,
  logger: loggerOptions(config.logLevel),
  mail: config.mail,
  jobs: config.jobs ? {} : false,
});
await app.listen({ port: config.port, host: config.host });
// npm start's supervisor (scripts/supervise.mjs) counts a server that ends before this as one that cannot start
process.send?.({ type: "ready" });
app.log.info(
  { database: database.kind, ms: Math.round(performance.now() - started) },
  `tsunagu is ready at http://localhost:${config.port}`,
);

// PostgreSQL's autovacuum keeps the planner's statistics; PGlite has no background workers, so without this the
// planner never learns table sizes and, for example, sorts every case of an agency to show the first page of 50.
// Once right after start (without delaying the first page) and then every hour.
if (database.kind === "pglite") {
  const analyze = () =>
    database.db.execute(sql`analyze`).catch((err: unknown) => app.log.warn({ err }, "analyze failed"));
  setTimeout(analyze, 1_000).unref();
  setInterval(analyze, 60 * 60 * 1000).unref();
}

// Signed checkpoints of the audit chains (kept outside the database too), so that a rewritten or restored database
// is told apart: now (which also makes the key on first start), every few minutes and on shutdown, each only for
// chains that moved. A checkpoint that cannot be written is logged loudly but does not stop the service.
const checkpoint = () =>
  writeCheckpoints(database.db, config.auditCheckpoints, { onlyMoved: true }).catch((err: unknown) =>
    app.log.error({ err }, "audit checkpoint failed"),
  );
await checkpoint();
setInterval(checkpoint, config.auditCheckpointMinutes * 60 * 1000).unref();

// `npm run cli -- backup` while the server holds the embedded database's folder (only one process can open it)
const control =
  database.kind === "pglite"
    ? await listenControlSocket(
        config.dataDir,
        {
          backup: () => takeBackup(database, config.auditCheckpoints),
          ping: async () => Buffer.from("pong\n"),
        },
        (err) => app.log.error({ err }, "control socket request failed"),
      )
    : undefined;

// The embedded server ended under the app (killed, crashed): every request would fail from now on. Exiting lets
// npm start's supervisor start both again; PostgreSQL recovers from its write-ahead log on that start.
database.embedded?.lost.then((why) => {
  app.log.fatal(why);
  process.exit(1);
});

/**
 * The database, or a clear message and EX_CONFIG for a data folder the operator has to act on first (the
 * supervisor does not retry those); the app owns an embedded server it finds running (left by an app killed
 * outright): it stops it on shutdown.
 */
async function openOrExplain() {
  try {
    refuseUnmovedPgliteDefault(config.previousDefaultDataDir, config.dataDir);
    return await openDatabase({
      url: config.databaseUrl,
      migrationUrl: config.databaseMigrationUrl,
      dataDir: config.dataDir,
      engine: config.engine,
      adopt: true,
    });
  } catch (error) {
    if (!(error instanceof DataFolderRefused)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(EX_CONFIG);
  }
}

// Ctrl+C reaches both this process and npm start's supervisor, which passes it on: a second signal must not cut
// the database's close short. A supervisor that is gone (killed outright) takes the server with it, so that a new
// npm start does not find the data folder still open.
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await control?.close();
  await checkpoint();
  await database.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "disconnect"] as const) {
  process.off(signal, stopWhileStarting);
  process.on(signal, shutdown);
}
