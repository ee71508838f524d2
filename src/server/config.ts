import path from "node:path";
import { type Engine, engineFromEnvironment } from "./db/client.js";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** the tables' owner, for migrations, when DATABASE_URL's role is not (README 運用: two roles) */
  databaseMigrationUrl: string | undefined;
  /** the embedded database when DATABASE_URL is not set: tsunagu's own PostgreSQL server, or PGlite (TSUNAGU_DB) */
  engine: Engine;
  dataDir: string;
  /**
   * data/pglite, the default folder of the versions before the server, when it may still hold the data: the
   * default folder is data/postgres now, and an empty one must not be started while the data is there
   */
  previousDefaultDataDir: string | undefined;
  /** Secure + __Host- cookies (browsers treat http://localhost as secure); TSUNAGU_INSECURE_COOKIES=1 for plain-http LAN tests */
  secureCookies: boolean;
  logLevel: string;
  loadDemo: boolean;
  /** the audit checkpoints' Ed25519 signing key and their append-only log, both outside the database */
  auditCheckpoints: { keyPath: string; logPath: string };
  /** minutes between the server's checkpoints (written only when a chain head moved) */
  auditCheckpointMinutes: number;
  /** the job table and notice mail run with the server (TSUNAGU_JOBS=0: not) */
  jobs: boolean;
  /** the key sealing the SMTP password, outside the database beside the audit key; the address mail links to */
  mail: { keyPath: string; appUrl: string };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const engine = engineFromEnvironment(env);
  const dataDir = path.resolve(env.TSUNAGU_DATA_DIR ?? (engine === "pglite" ? "data/pglite" : "data/postgres"));
  // next to the database folder, not in it: a copy of the database (a backup, a restore) never carries the key
  const keyPath = path.resolve(
    env.TSUNAGU_AUDIT_KEY ?? path.join(path.dirname(dataDir), "keys", "audit-signing-key.pem"),
  );
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    engine,
    dataDir,
    previousDefaultDataDir:
      engine === "server" && !env.TSUNAGU_DATA_DIR && !env.DATABASE_URL ? path.resolve("data/pglite") : undefined,
    secureCookies: env.TSUNAGU_INSECURE_COOKIES !== "1",
    logLevel: env.LOG_LEVEL ?? "info",
    loadDemo: env.TSUNAGU_DEMO !== "0",
    auditCheckpoints: {
      keyPath,
      logPath: path.resolve(env.TSUNAGU_AUDIT_CHECKPOINTS ?? path.join(path.dirname(keyPath), "audit-checkpoints.log")),
    },
    auditCheckpointMinutes: Number(env.TSUNAGU_AUDIT_CHECKPOINT_MINUTES ?? 15),
    jobs: env.TSUNAGU_JOBS !== "0",
    mail: {
      keyPath: path.resolve(env.TSUNAGU_MAIL_KEY ?? path.join(path.dirname(keyPath), "mail-key")),
      appUrl: env.TSUNAGU_PUBLIC_URL ?? `http://localhost:${Number(env.PORT ?? 3000)}`,
    },
  };
}
