/**
 * A reader's own notices: listed newest first with the unread count, marked read one by one or all at once. Only the
 * notices whose subject the reader can still open are shown or counted (a user who lost access to a department or an
 * agency no longer sees its notices); another user's notice is not found.
 */
import type { Db, Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { presentNotice } from "./presenter.js";
import * as repo from "./repository.js";
import { canOpen, type LoadedSubject, loadSubjects } from "./subjects.js";

/** The newest notices considered: a year of daily reminders stays far below it; older ones are history. */
const LISTED_AT_MOST = 1000;

async function openable(db: Executor, auth: AuthContext) {
  const rows = (await repo.listOfRecipient(db, auth.municipalityId, auth.userId)).slice(0, LISTED_AT_MOST);
  const subjects = await loadSubjects(db, auth.municipalityId, rows);
  return rows.flatMap((row) => {
    const subject = subjects.get(`${row.subjectType}:${row.subjectId}`);
    return subject && canOpen(auth, subject) ? [{ row, subject }] : [];
  });
}

export async function listNotices(db: Executor, auth: AuthContext, page: { offset: number; limit: number }) {
  const shown = await openable(db, auth);
  return {
    notices: shown.slice(page.offset, page.offset + page.limit).map(({ row, subject }) => presentNotice(row, subject)),
    total: shown.length,
    unread: shown.filter(({ row }) => row.readAt === null).length,
  };
}

/** Marks one of the caller's notices read (again is fine); another user's, or one it can no longer open: 404. */
export async function markNoticeRead(db: Db, auth: AuthContext, noticeId: string) {
  return db.transaction(async (tx) => {
    const row = await repo.findOfRecipient(tx, auth.municipalityId, auth.userId, noticeId);
    const subject: LoadedSubject | undefined = row
      ? (await loadSubjects(tx, auth.municipalityId, [row])).get(`${row.subjectType}:${row.subjectId}`)
      : undefined;
    if (!row || !subject || !canOpen(auth, subject)) throw notFound("お知らせ");
    await repo.markRead(tx, auth.municipalityId, auth.userId, [row.id]);
    const after = await repo.findOfRecipient(tx, auth.municipalityId, auth.userId, row.id);
    return presentNotice(after ?? row, subject);
  });
}

/** Marks every notice the caller can open read; answers how many were unread. */
export async function markAllNoticesRead(db: Db, auth: AuthContext) {
  return db.transaction(async (tx) => {
    const unread = (await openable(tx, auth)).filter(({ row }) => row.readAt === null).map(({ row }) => row.id);
    return { marked: await repo.markRead(tx, auth.municipalityId, auth.userId, unread) };
  });
}
