import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import { bodyOf, startSmtpCapture, subjectOf } from "../../../../test/helpers/smtp-capture.js";
import { mailSettings, noticeMails, users } from "../../db/schema/index.js";
import { enqueueNoticeMail } from "./notice-mail.js";

const PASSWORD = "smtp-パスワード-7781";
const APP_URL = "https://tsunagu.example.lg.jp";
const keyPath = path.join(mkdtempSync(path.join(tmpdir(), "tsunagu-mail-")), "keys", "mail-key");

let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp?.close();
});

const w = signedInApp(
  { admin: "admin", office: "keikaku", support: "shienkanri" },
  { app: { jobs: { pollingSeconds: 0.5, delivery: { retryBaseMs: 300 } }, mail: { keyPath, appUrl: APP_URL } } },
);
const db = () => w.t.database.db;

async function userNamed(loginId: string) {
  const [row] = await db()
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, w.t.municipalityId), eq(users.loginId, loginId)));
  if (!row) throw new Error(`no user ${loginId}`);
  return row;
}

const settings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  host: "127.0.0.1",
  port: smtp.port,
  security: "none",
  username: "",
  fromAddress: "tsunagu@example.lg.jp",
  ...over,
});

/** Queues a notice mail in a transaction of its own (as part N's event would, in its own). */
async function queue(userId: string, kind: string, noticeId = crypto.randomUUID()) {
  await db().transaction((tx) => enqueueNoticeMail(tx, { municipalityId: w.t.municipalityId, userId, noticeId, kind }));
  return noticeId;
}

async function outboxRow(noticeId: string) {
  const [row] = await db().select().from(noticeMails).where(eq(noticeMails.noticeId, noticeId));
  return row;
}

async function waitForStatus(noticeId: string, status: string, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const row = await outboxRow(noticeId);
    if (row?.status === status) return row;
    if (Date.now() > until) throw new Error(`outbox row ${noticeId} is ${row?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("mail settings", () => {
  it("start unset at version 0 and are the system administrator's alone", async () => {
    const first = await w.admin.get("/api/municipality/mail-settings");
    expect(first.status).toBe(200);
    expect(first.body.settings).toMatchObject({ configured: false, version: 0, passwordSet: false });
    for (const other of [w.office, w.support]) {
      expect((await other.get("/api/municipality/mail-settings")).status).toBe(403);
      expect((await other.put("/api/municipality/mail-settings", settings(), ifMatch(0))).status).toBe(403);
      expect((await other.post("/api/municipality/mail-settings/test")).status).toBe(403);
    }
  });

  it("keep the password sealed: never answered, never in the row or the audit trail in clear", async () => {
    const saved = await w.admin.put(
      "/api/municipality/mail-settings",
      settings({
        enabled: false,
        username: "tsunagu-user",
        password: PASSWORD,
        fromAddress: "ｔｓｕｎａｇｕ＠Example.LG.JP",
      }),
      ifMatch(0),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ configured: true, passwordSet: true, version: 1 });
    expect(saved.body.settings.fromAddress).toBe("tsunagu@example.lg.jp");
    expect(JSON.stringify(saved.body)).not.toContain(PASSWORD);
    const read = await w.admin.get("/api/municipality/mail-settings");
    expect(read.headers.get("etag")).toBe('"1"');
    expect(JSON.stringify(read.body)).not.toContain(PASSWORD);

    const [row] = await db().select().from(mailSettings).where(eq(mailSettings.municipalityId, w.t.municipalityId));
    expect(row?.passwordSealed).toMatch(/^v1\./);
    expect(row?.passwordSealed).not.toContain(PASSWORD);
    expect(row?.passwordSealed).not.toContain(Buffer.from(PASSWORD).toString("base64"));

    const audit = await auditRecords(db(), { entityType: "mail_settings", action: "update" });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(audit[0]?.after).toMatchObject({ passwordSet: true, passwordChanged: true });
  });

  it("refuse a stale version and field-name a bad value", async () => {
    const stale = await w.admin.put("/api/municipality/mail-settings", settings(), ifMatch(0));
    expect(stale.status).toBe(412);
    const bad = await w.admin.put(
      "/api/municipality/mail-settings",
      settings({ port: 70000, fromAddress: "nobody" }),
      ifMatch(1),
    );
    expect(bad.status).toBe(400);
    const fields = (bad.body.fields as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(["fromAddress", "port"]);
  });

  it("keep the stored password when it is omitted, remove it when empty", async () => {
    const kept = await w.admin.put("/api/municipality/mail-settings", settings({ enabled: false }), ifMatch(1));
    expect(kept.body.settings.passwordSet).toBe(true);
    const removed = await w.admin.put("/api/municipality/mail-settings", settings({ password: "" }), ifMatch(2));
    expect(removed.body.settings).toMatchObject({ passwordSet: false, enabled: true, version: 3 });
  });

  it("send a test mail to the administrator's own address, set on the account page (full-width read)", async () => {
    const none = await w.admin.post("/api/municipality/mail-settings/test");
    expect(none.status).toBe(409);
    const own = await w.admin.put("/api/account/email", { email: "ｋａｎｒｉ＠Example.LG.JP" });
    expect(own.status).toBe(200);
    expect(own.body.email).toBe("kanri@example.lg.jp");
    const before = smtp.mails.length;
    const sent = await w.admin.post("/api/municipality/mail-settings/test");
    expect(sent.status).toBe(200);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.to).toEqual(["kanri@example.lg.jp"]);
    expect(subjectOf(mail?.raw ?? "")).toContain("テスト");
    expect(await auditRecords(db(), { entityType: "mail_settings", action: "mail_test" })).toHaveLength(1);
  });
});

describe("notice mail", () => {
  it("reaches the user's address saying only that something waits, once per notice", async () => {
    const office = await userNamed("keikaku");
    const changed = await w.admin.patch(
      `/api/users/${office.id}`,
      { email: "hanako@example.lg.jp" },
      ifMatch(office.version),
    );
    expect(changed.status).toBe(200);
    expect(changed.body.user.email).toBe("hanako@example.lg.jp");

    const before = smtp.mails.length;
    const noticeId = await queue(office.id, "sheet_returned");
    // the same notice queued again for the same user: the delivery key makes it a no-op
    await db().transaction(async (tx) => {
      const again = await enqueueNoticeMail(tx, {
        municipalityId: w.t.municipalityId,
        userId: office.id,
        noticeId,
        kind: "sheet_returned",
      });
      expect(again).toBeNull();
    });
    await waitForStatus(noticeId, "sent");
    const arrived = smtp.mails.slice(before);
    expect(arrived).toHaveLength(1);
    const mail = arrived[0];
    expect(mail?.to).toEqual(["hanako@example.lg.jp"]);
    const text = `${subjectOf(mail?.raw ?? "")}\n${bodyOf(mail?.raw ?? "")}`;
    expect(text).toContain("評価表についてのお知らせ");
    expect(text).toContain(APP_URL);
    for (const personal of [office.displayName, "花子", office.loginId, noticeId]) expect(text).not.toContain(personal);

    const audit = await auditRecords(db(), { entityType: "notice_mail", action: "mail_sent" });
    expect(audit.map((r) => r.after)).toContainEqual(
      expect.objectContaining({ userId: office.id, kind: "sheet_returned" }),
    );
    expect(JSON.stringify(audit)).not.toContain("hanako@");
  });

  it("sends nothing for an event that rolled back", async () => {
    const office = await userNamed("keikaku");
    const noticeId = crypto.randomUUID();
    await expect(
      db().transaction(async (tx) => {
        await enqueueNoticeMail(tx, {
          municipalityId: w.t.municipalityId,
          userId: office.id,
          noticeId,
          kind: "task_assigned",
        });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await outboxRow(noticeId)).toBeUndefined();
  });

  it("is skipped, with why, for a user without an address", async () => {
    const support = await userNamed("shienkanri");
    expect(support.email).toBeNull();
    const before = smtp.mails.length;
    const noticeId = await queue(support.id, "referral_arrived");
    const row = await waitForStatus(noticeId, "skipped");
    expect(row.reason).toBe("no_address");
    expect(smtp.mails.length).toBe(before);
    const audit = await auditRecords(db(), { entityType: "notice_mail", action: "mail_skipped", entityId: row.id });
    expect(audit[0]?.after).toMatchObject({ reason: "no_address" });
  });

  it("is retried with backoff when the server refuses, and sent once", async () => {
    const office = await userNamed("keikaku");
    const before = smtp.mails.length;
    smtp.failNext(2);
    const noticeId = await queue(office.id, "deadline_soon");
    const row = await waitForStatus(noticeId, "sent");
    expect(row.attempts).toBe(3);
    expect(smtp.mails.slice(before)).toHaveLength(1);
    // a later drain finds nothing to send again
    await w.t.app.jobs?.enqueue("notice-mail.drain");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.mails.slice(before)).toHaveLength(1);
  });
});
