import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture } from "../../../../test/helpers/smtp-capture.js";
import { freshDatabase } from "../../../../test/helpers/test-app.js";
import { buildApp } from "../../app.js";
import type { Database } from "../../db/client.js";
import { readSchemaCatalog } from "../../db/distribution/catalog.js";
import { GLOBAL_TABLES } from "../../db/distribution/global-tables.js";
import { keyProblems } from "../../db/distribution/key-rules.js";
import { mailSettings, municipalities, noticeMails, users } from "../../db/schema/index.js";
import { enqueueNoticeMail } from "../../modules/mail/notice-mail.js";
import { secretBoxAt } from "../mail/secret-box.js";
import { DAILY_CRON, DAILY_TIME_ZONE, registerDailyJob } from "./daily.js";

/**
 * The job table with the app, on the test's database (PGlite, or PostgreSQL with DATABASE_URL): the daily schedule,
 * a job inserted inside a transaction, and notice mail that survives the app's stop.
 */
const keyPath = path.join(mkdtempSync(path.join(tmpdir(), "tsunagu-jobs-")), "mail-key");
const mail = { keyPath, appUrl: "https://tsunagu.example.lg.jp" };

let database: Database;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
const daily: { municipalityId: string; now: string }[] = [];
registerDailyJob("test.daily-count", async (_db, municipalityId, now) => {
  daily.push({ municipalityId, now: now.toISOString() });
});

beforeAll(async () => {
  smtp = await startSmtpCapture();
  const fresh = await freshDatabase({ demo: true, indicators: false, baseline: false });
  database = fresh.database;
  drop = fresh.dropDatabase;
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
  await smtp?.close();
});

const start = (pollingSeconds: number) =>
  buildApp({ db: database.db, secureCookies: true, webRoot: null, mail, jobs: { pollingSeconds } });

async function until<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the job table", () => {
  it("schedules a registered daily job in Japan's time and runs it for every municipality", async () => {
    const app = await start(0.5);
    try {
      const schedules = await app.jobs?.schedules();
      expect(schedules).toContainEqual(
        expect.objectContaining({ name: "test.daily-count", cron: DAILY_CRON, timezone: DAILY_TIME_ZONE }),
      );
      const ids = (await database.db.select({ id: municipalities.id }).from(municipalities)).map((m) => m.id);
      const at = new Date("2027-03-31T20:30:00Z");
      await app.jobs?.runDailyNow("test.daily-count", at);
      await until(async () => (daily.length >= ids.length ? true : undefined));
      expect(daily.map((d) => d.municipalityId).sort()).toEqual([...ids].sort());
      expect(new Set(daily.map((d) => d.now))).toEqual(new Set([at.toISOString()]));
      // pg-boss's schema now exists beside ours; the distribution rules read past it (it stays on the coordinator)
      const catalog = await readSchemaCatalog(database.db);
      expect(catalog.tables.filter((t) => t.name.startsWith("pgboss."))).toEqual([]);
      expect(keyProblems(catalog, GLOBAL_TABLES)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("creates a new queue once when several callers ask for it at the same moment", async () => {
    const app = await start(0.5);
    const seen: number[] = [];
    try {
      const jobs = app.jobs;
      if (!jobs) throw new Error("jobs not started");
      // a worker and three senders on a queue nobody has made yet: on PostgreSQL two creations deadlocked
      await Promise.all([
        jobs.work<{ n: number }>("test.same-moment", async (data) => {
          seen.push(data.n);
        }),
        ...[1, 2, 3].map((n) => jobs.enqueue("test.same-moment", { n })),
      ]);
      await until(async () => (seen.length >= 3 ? true : undefined));
      expect(seen.sort()).toEqual([1, 2, 3]);
    } finally {
      await app.close();
    }
  });

  it("inserts a job inside our transaction: none when it rolls back, one when it commits", async () => {
    const app = await start(0.5);
    const seen: number[] = [];
    try {
      const jobs = app.jobs;
      if (!jobs) throw new Error("jobs not started");
      await jobs.work<{ n: number }>("test.in-transaction", async (data) => {
        seen.push(data.n);
      });
      await expect(
        database.db.transaction(async (tx) => {
          await jobs.enqueue("test.in-transaction", { n: 1 }, { tx });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      await database.db.transaction(async (tx) => {
        await jobs.enqueue("test.in-transaction", { n: 2 }, { tx });
      });
      await until(async () => (seen.includes(2) ? true : undefined));
      await new Promise((r) => setTimeout(r, 1_000));
      expect(seen).toEqual([2]);
    } finally {
      await app.close();
    }
  });

  it("delivers a notice mail queued before a stop exactly once after the next start", async () => {
    const [demo] = await database.db.select().from(municipalities).limit(1);
    if (!demo) throw new Error("no municipality");
    const municipalityId = demo.id;
    await database.db.insert(mailSettings).values({
      municipalityId,
      enabled: true,
      host: "127.0.0.1",
      port: smtp.port,
      security: "none",
      fromAddress: "tsunagu@example.lg.jp",
      passwordSealed: secretBoxAt(keyPath).seal("unused"),
    });
    const [user] = await database.db
      .update(users)
      .set({ email: "restart@example.lg.jp" })
      .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, "keikaku")))
      .returning();
    if (!user) throw new Error("no user");

    // a slow poll: the app is stopped before it looks for the drain job again
    const first = await start(60);
    const noticeId = crypto.randomUUID();
    await database.db.transaction((tx) =>
      enqueueNoticeMail(tx, { municipalityId, userId: user.id, noticeId, kind: "review_due" }),
    );
    await first.close();
    const [left] = await database.db.select().from(noticeMails).where(eq(noticeMails.noticeId, noticeId));
    expect(left?.status).toBe("pending");
    expect(smtp.mails).toHaveLength(0);

    const second = await start(0.5);
    try {
      await smtp.waitFor(1);
      await until(async () => {
        const [row] = await database.db.select().from(noticeMails).where(eq(noticeMails.noticeId, noticeId));
        return row?.status === "sent" ? row : undefined;
      });
      // further drains (the leftovers of the first app, the schedule) send nothing more
      await second.jobs?.enqueue("notice-mail.drain");
      await new Promise((r) => setTimeout(r, 2_000));
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]?.to).toEqual(["restart@example.lg.jp"]);
    } finally {
      await second.close();
    }
  });
});
