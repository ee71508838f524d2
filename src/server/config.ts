import path from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secure + __Host- cookies (browsers treat http://localhost as secure); TSUNAGU_INSECURE_COOKIES=1 for plain-http LAN tests */
  secureCookies: boolean;
  logLevel: string;
  loadDemo: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TSUNAGU_DATA_DIR ?? "data/pglite"),
    secureCookies: env.TSUNAGU_INSECURE_COOKIES !== "1",
    logLevel: env.LOG_LEVEL ?? "info",
    loadDemo: env.TSUNAGU_DEMO !== "0",
  };
}
