import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/test-app.js";
import { recordAudit, verifyAuditChain } from "../platform/audit.js";
import { sealAuditLog } from "../platform/audit-sealer.js";
import { Jobs } from "../platform/jobs/jobs.js";
import { type Database, openDatabase } from "./client.js";

const ownerUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
// in the order pushed: the pool closed, then the database (with the role's grants in it), then the role
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function asAdmin(statement: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "succeeded",
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
  );

// PGlite has one user, so the two roles exist on PostgreSQL only
describe.skipIf(!ownerUrl)("the app's PostgreSQL role next to the tables' owner", () => {
  it("reads and changes app tables, but only adds to the audit trail and cannot truncate it or disable its trigger", async () => {
    const fresh = await freshDatabase();
    await fresh.database.close();
    const role = `tsunagu_app_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    await asAdmin(`create role ${role} login password '${password}'`);
    const appUrl = new URL(fresh.url as string);
    appUrl.username = role;
    appUrl.password = password;

    const database: Database = await openDatabase({ url: appUrl.toString(), migrationUrl: fresh.url });
    cleanups.push(
      () => database.close(),
      fresh.dropDatabase,
      () => asAdmin(`drop role if exists ${role}`),
    );
    await database.migrate();
    const db = database.db;
    const municipalityId = randomUUID();

    await db.transaction((tx) =>
      recordAudit(tx, { municipalityId, actorUserId: null, actorLabel: "app", action: "update", entityType: "thing" }),
    );
    // the app seals (the sealer runs in it): the one update of the log its role may make, once
    expect(await sealAuditLog(db)).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, records: 1 });
    expect(await failure(db.execute(sql`update audit_log set hash = 'x'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`update login_attempts set failures = 0`))).toBe("succeeded");

    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
      sql`alter table audit_log disable trigger user`,
      sql`update audit_checkpoints set hash = 'x'`,
      sql`delete from audit_checkpoints`,
      sql`drop trigger audit_log_no_update on audit_log`,
    ])
      expect(await failure(db.execute(statement))).toMatch(/permission denied|must be owner/);

    // the job table starts as the app role (it creates its own schema) and runs a job; the app's tables stay the
    // owner's: the role still cannot take the audit trail's trigger away
    const jobs = new Jobs(db, { pollingSeconds: 0.5 });
    await jobs.start();
    try {
      let resolveRan: (data: unknown) => void = () => undefined;
      const ran = new Promise<unknown>((resolve) => {
        resolveRan = resolve;
      });
      await jobs.work("test.app-role", async (data) => resolveRan(data));
      await jobs.enqueue("test.app-role", { n: 1 });
      expect(await ran).toEqual({ n: 1 });
    } finally {
      await jobs.stop();
    }
    expect(await failure(db.execute(sql`alter table audit_log disable trigger user`))).toMatch(/must be owner/);
  }, 120_000);
});
