import path from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** the tables' owner, for migrations, when DATABASE_URL's role is not (README 運用: two roles) */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  /** Secure + __Host- cookies (browsers treat http://localhost as secure); TSUNAGU_INSECURE_COOKIES=1 for plain-http LAN tests */
  secureCookies: boolean;
  logLevel: string;
  loadDemo: boolean;
  /** the audit checkpoints' Ed25519 signing key and their append-only log, both outside the database */
  auditCheckpoints: { keyPath: string; logPath: string };
  /** minutes between the server's checkpoints (written only when a chain head moved) */
  auditCheckpointMinutes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.TSUNAGU_DATA_DIR ?? "data/pglite");
  // next to the database folder, not in it: a copy of the database (a backup, a restore) never carries the key
  const keyPath = path.resolve(
    env.TSUNAGU_AUDIT_KEY ?? path.join(path.dirname(dataDir), "keys", "audit-signing-key.pem"),
  );
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    dataDir,
    secureCookies: env.TSUNAGU_INSECURE_COOKIES !== "1",
    logLevel: env.LOG_LEVEL ?? "info",
    loadDemo: env.TSUNAGU_DEMO !== "0",
    auditCheckpoints: {
      keyPath,
      logPath: path.resolve(env.TSUNAGU_AUDIT_CHECKPOINTS ?? path.join(path.dirname(keyPath), "audit-checkpoints.log")),
    },
    auditCheckpointMinutes: Number(env.TSUNAGU_AUDIT_CHECKPOINT_MINUTES ?? 15),
  };
}
