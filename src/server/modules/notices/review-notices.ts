/**
 * The daily scan for support plan reviews (見直し): an open case whose latest monitoring set its next review day is
 * reminded 7 days and 1 day before and told once the day has passed. The case's lead agency (主担当) holds the review,
 * so its staff are told, and only those the case's own rule lets open it. The occasion names the day, so a second run
 * writes nothing and a new review day is announced afresh.
 */
import { isOverdue, remindersDue } from "../../../domain/deadlines.js";
import { formatJapaneseDate, japanDayOf } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import { casesWithReviewBy } from "../cases/repository.js";
import { caseReference } from "./events.js";
import { agencyPeople, notify } from "./notify.js";
import type { NoticeRow } from "./repository.js";
import { loadSubjects } from "./subjects.js";

/** The earliest reminder: a review is announced this many days ahead. */
const AHEAD_DAYS = 7;

export async function generateReviewNotices(db: Db, municipalityId: string, now: Date): Promise<NoticeRow[]> {
  return db.transaction(async (tx) => {
    const horizon = japanDayOf(new Date(now.getTime() + AHEAD_DAYS * 24 * 60 * 60 * 1000));
    const due = await casesWithReviewBy(tx, municipalityId, horizon);
    const subjects = await loadSubjects(
      tx,
      municipalityId,
      due.map((d) => ({ subjectType: "case", subjectId: d.caseId })),
    );
    const written: NoticeRow[] = [];
    for (const d of due) {
      const subject = subjects.get(`case:${d.caseId}`);
      if (!subject) continue;
      const occasions = isOverdue(d.nextReviewOn, now)
        ? [`${d.nextReviewOn}:overdue`]
        : remindersDue(d.nextReviewOn, now).map((days) => `${d.nextReviewOn}:${days}`);
      for (const occasion of occasions) {
        const draft = {
          kind: "review_due" as const,
          subjectType: "case" as const,
          subjectId: d.caseId,
          occasion,
          reference: `${caseReference(d.caseId)} 見直し日 ${formatJapaneseDate(d.nextReviewOn)}`,
        };
        written.push(
          ...(await notify(tx, municipalityId, draft, subject, await agencyPeople(tx, municipalityId, d.leadAgencyId))),
        );
      }
    }
    return written;
  });
}
