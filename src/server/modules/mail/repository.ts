import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { mailSettings, type NoticeMailStatus, noticeMails, users } from "../../db/schema/index.js";

export type MailSettingsRow = typeof mailSettings.$inferSelect;
export type NoticeMailRow = typeof noticeMails.$inferSelect;

export async function findMailSettings(db: Executor, municipalityId: string): Promise<MailSettingsRow | null> {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.municipalityId, municipalityId));
  return row ?? null;
}

type SettingsValues = Omit<MailSettingsRow, "municipalityId" | "version" | "updatedAt">;

/** The first settings of a municipality (version 1); null when someone else wrote them first. */
export async function insertMailSettings(db: Executor, municipalityId: string, values: SettingsValues) {
  const [row] = await db
    .insert(mailSettings)
    .values({ municipalityId, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** The settings changed if they are still at `version`; null when another change came first. */
export async function updateMailSettings(
  db: Executor,
  municipalityId: string,
  version: number,
  values: SettingsValues,
) {
  const [row] = await db
    .update(mailSettings)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(mailSettings.municipalityId, municipalityId), eq(mailSettings.version, version)))
    .returning();
  return row ?? null;
}

/** The address and state of one account (the recipient of a notice mail or of a test mail). */
export async function findRecipient(db: Executor, municipalityId: string, userId: string) {
  const [row] = await db
    .select({ email: users.email, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.id, userId)));
  return row ?? null;
}

/** An outbox row; the delivery key makes a second one for the same notice and user a no-op. */
export async function insertNoticeMail(
  db: Executor,
  values: { municipalityId: string; userId: string; noticeId: string; kind: string },
) {
  const [row] = await db.insert(noticeMails).values(values).onConflictDoNothing().returning({ id: noticeMails.id });
  return row?.id ?? null;
}

/**
 * Takes up to `limit` rows that are due (pending and past their backoff, or left sending since `staleBefore`: a
 * process that ended mid-send) and marks them sending, each attempt counted; rows another drain holds are skipped.
 */
export async function claimDueNoticeMails(db: Executor, now: Date, staleBefore: Date, limit: number) {
  const due = db
    .select({ municipalityId: noticeMails.municipalityId, id: noticeMails.id })
    .from(noticeMails)
    .where(
      or(
        and(eq(noticeMails.status, "pending"), lte(noticeMails.nextAttemptAt, now)),
        and(eq(noticeMails.status, "sending"), lte(noticeMails.claimedAt, staleBefore)),
      ),
    )
    .orderBy(noticeMails.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(noticeMails)
    .set({ status: "sending", claimedAt: now, attempts: sql`${noticeMails.attempts} + 1` })
    .where(sql`(${noticeMails.municipalityId}, ${noticeMails.id}) in (${due})`)
    .returning();
}

/** The instant the next pending row falls due (for the next drain); null when nothing waits. */
export async function nextDueAt(db: Executor): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${noticeMails.nextAttemptAt})`.mapWith((v) => (v ? new Date(v) : null)) })
    .from(noticeMails)
    .where(inArray(noticeMails.status, ["pending"]));
  return row?.at ?? null;
}

export async function finishNoticeMail(
  db: Executor,
  row: Pick<NoticeMailRow, "municipalityId" | "id">,
  values: { status: NoticeMailStatus; reason?: string | null; sentAt?: Date | null; nextAttemptAt?: Date },
) {
  await db
    .update(noticeMails)
    .set({ reason: null, ...values, claimedAt: null })
    .where(and(eq(noticeMails.municipalityId, row.municipalityId), eq(noticeMails.id, row.id)));
}

export async function listNoticeMails(db: Executor, municipalityId: string) {
  return db.select().from(noticeMails).where(eq(noticeMails.municipalityId, municipalityId));
}
