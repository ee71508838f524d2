/**
 * The daily scan for deadlines (seam: part M schedules it with the job table; no timer here). One pass over the
 * municipality's open rounds: each department with sheets still to submit is reminded 7 days and 1 day before its
 * 提出期限 and told when it has passed (the plan office too); the plan office is reminded of the 確認期限 while
 * submitted sheets wait. Every notice's occasion names the deadline's day, so running the scan again writes nothing
 * new, and a changed deadline is announced afresh.
 */
import { isOverdue, remindersDue } from "../../../domain/deadlines.js";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { formatJapaneseDate } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { inMunicipality } from "../../db/records.js";
import { evaluationRounds, evaluationSheets, roundDepartmentDeadlines } from "../../db/schema/index.js";
import { yearStructure } from "../evaluations/year-structure.js";
import { departmentEditors, notify, planOffice } from "./notify.js";
import type { NoticeRow } from "./repository.js";
import { roundLink } from "./subjects.js";

/** Sheets a department still owes: not submitted, accepted or left 未評価. */
const OWED = new Set(["not_started", "draft", "returned"]);

export async function generateDueNotices(db: Db, municipalityId: string, now: Date): Promise<NoticeRow[]> {
  return db.transaction(async (tx) => {
    const rounds = await tx
      .select()
      .from(evaluationRounds)
      .where(inMunicipality(evaluationRounds, municipalityId, { status: "open" }));
    const written: NoticeRow[] = [];
    for (const round of rounds) written.push(...(await scanRound(tx, municipalityId, round, now)));
    return written;
  });
}

type Round = typeof evaluationRounds.$inferSelect;

async function scanRound(tx: Executor, municipalityId: string, round: Round, now: Date) {
  const overrides = await tx
    .select()
    .from(roundDepartmentDeadlines)
    .where(inMunicipality(roundDepartmentDeadlines, municipalityId, { roundId: round.id }));
  if (!round.submissionDue && !round.confirmationDue && overrides.length === 0) return [];
  const sheets = await tx
    .select({ itemId: evaluationSheets.itemId, status: evaluationSheets.status })
    .from(evaluationSheets)
    .where(inMunicipality(evaluationSheets, municipalityId, { roundId: round.id }));
  const structure = await yearStructure(tx, municipalityId, round.planId, round.fiscalYear);
  const owing = new Set(sheets.filter((s) => OWED.has(s.status)).flatMap((s) => structure.departmentsOf(s.itemId)));
  const dueOf = new Map(overrides.map((o) => [o.departmentId, o.submissionDue]));
  const subject = { type: "round" as const, link: roundLink(round.planId, round.fiscalYear) };
  const base = { subjectType: "round" as const, subjectId: round.id };
  const year = formatFiscalYear(round.fiscalYear);
  const written: NoticeRow[] = [];
  const office = await planOffice(tx, municipalityId);
  for (const departmentId of owing) {
    const due = dueOf.get(departmentId) ?? round.submissionDue;
    if (!due) continue;
    const reference = `${year} 提出期限 ${formatJapaneseDate(due)}`;
    const editors = await departmentEditors(tx, municipalityId, [departmentId]);
    if (isOverdue(due, now)) {
      const draft = { ...base, kind: "deadline_overdue" as const, occasion: due, reference };
      written.push(...(await notify(tx, municipalityId, draft, subject, [...editors, ...office])));
      continue;
    }
    for (const days of remindersDue(due, now)) {
      const draft = { ...base, kind: "deadline_soon" as const, occasion: `${due}:${days}`, reference };
      written.push(...(await notify(tx, municipalityId, draft, subject, editors)));
    }
  }
  const waiting = sheets.some((s) => s.status === "submitted");
  if (round.confirmationDue && waiting) {
    const due = round.confirmationDue;
    const reference = `${year} 確認期限 ${formatJapaneseDate(due)}`;
    if (isOverdue(due, now)) {
      const draft = { ...base, kind: "confirmation_overdue" as const, occasion: due, reference };
      written.push(...(await notify(tx, municipalityId, draft, subject, office)));
    } else {
      for (const days of remindersDue(due, now)) {
        const draft = { ...base, kind: "confirmation_soon" as const, occasion: `${due}:${days}`, reference };
        written.push(...(await notify(tx, municipalityId, draft, subject, office)));
      }
    }
  }
  return written;
}
