import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";

const url = process.env.DATABASE_URL;

// PGlite has no connections to lose: PostgreSQL only (the embedded server and an external one share this client)
describe.skipIf(!url)("a connection the server ends while a request uses it", () => {
  it("fails that request's statement and leaves the app running, the next statement on a new connection", async () => {
    const database = await openDatabase({ url });
    try {
      const failed = await database.db
        .transaction(async (tx) => {
          const own = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
          // as a restarting or crashing server does: the backend ends between two statements of the transaction
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query("select pg_terminate_backend($1)", [own.rows[0]?.pid]);
          await admin.end();
          await new Promise((r) => setTimeout(r, 200)); // the client receives the server's last message
          await tx.execute(sql`select 1`);
        })
        .then(
          () => "committed",
          (error: Error) => error.message,
        );
      expect(failed).not.toBe("committed");
      const after = (await database.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
      expect(after.rows[0]?.one).toBe(1);
    } finally {
      await database.close();
    }
  });
});
