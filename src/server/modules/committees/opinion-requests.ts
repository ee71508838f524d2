/**
 * When a year closes, the committees of the plan are asked for their opinions on it: every member in term on the
 * day of closing is a recipient of the notices module's "opinion requested" notice.
 */
import { inTerm } from "../../../domain/committees/routing.js";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Executor } from "../../db/client.js";
import { notifyOpinionRequested } from "../notices/events.js";
import * as repo from "./repository.js";

export interface OpinionRequest {
  committeeId: string;
  committeeName: string;
  planId: string;
  fiscalYear: number;
  /** the accounts asked: members in term today */
  userIds: string[];
}

/** The members in term of each committee of the plan, asked for their opinion on the closed year. */
export async function opinionRequestsFor(
  tx: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
): Promise<OpinionRequest[]> {
  const today = todayInJapan();
  const committees = await repo.listCommittees(tx, municipalityId, planId);
  const members = await repo.listMembers(
    tx,
    municipalityId,
    committees.map((c) => c.id),
  );
  return committees
    .map((c) => ({
      committeeId: c.id,
      committeeName: c.name,
      planId,
      fiscalYear,
      userIds: members.filter((m) => m.committeeId === c.id && inTerm(m, today)).map((m) => m.userId),
    }))
    .filter((r) => r.userIds.length > 0);
}

/** Called by closing a year (evaluations/close-round.ts), in its transaction. */
export async function requestOpinions(tx: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const requests = await opinionRequestsFor(tx, municipalityId, planId, fiscalYear);
  // the "opinion requested" notice, in the app and by mail where the municipality sends mail; a year closed again
  // after a reopening asks again only those not asked for that year before (the notice is keyed by the year)
  for (const r of requests) {
    await notifyOpinionRequested(tx, {
      municipalityId,
      committeeId: r.committeeId,
      memberUserIds: r.userIds,
      occasion: String(fiscalYear),
      reference: `${formatFiscalYear(fiscalYear)} ${r.committeeName}`,
    });
  }
  return requests;
}
