import { performance } from "node:perf_hooks";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { ensureDemoMunicipality } from "./demo/load-demo.js";

const started = performance.now();
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
if (config.loadDemo) await ensureDemoMunicipality(database.db);
const app = await buildApp({
  db: database.db,
  secureCookies: config.secureCookies,
  logger: {
    level: config.logLevel,
    // request logs name the route, never the query string (it could carry a name or an id)
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
    },
  },
});
await app.listen({ port: config.port, host: config.host });
app.log.info(
  { database: database.kind, ms: Math.round(performance.now() - started) },
  `tsunagu is ready at http://localhost:${config.port}`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
