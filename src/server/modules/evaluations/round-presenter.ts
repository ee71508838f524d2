/** A year's round as the screens show it: its state, and who closed or last reopened it, when, and why. */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { ROUND_STATUS_LABELS, type RoundStatus } from "../../../domain/labels/evaluation.js";
import type { RoundRow } from "./repository.js";

/** `names`: display names by user id; `revisions`: the label of each revision a round was closed under. */
export function presentRound(
  r: RoundRow,
  names: ReadonlyMap<string, string>,
  revisions: ReadonlyMap<string, { number: number; label: string }> = new Map(),
  departmentDeadlines: readonly { departmentId: string; submissionDue: string }[] = [],
) {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const revision = r.closedRevisionId ? (revisions.get(r.closedRevisionId) ?? null) : null;
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: formatFiscalYear(r.fiscalYear),
    status: r.status,
    statusLabel: ROUND_STATUS_LABELS[r.status as RoundStatus] ?? r.status,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    closedByName: nameOf(r.closedBy),
    /** the revision the closed year is shown under */
    closedRevision: revision ? { id: r.closedRevisionId, number: revision.number, label: revision.label } : null,
    reopenedAt: r.reopenedAt?.toISOString() ?? null,
    reopenedByName: nameOf(r.reopenedBy),
    reopenReason: r.reopenReason,
    /** 提出期限 / 確認期限 (ISO days in Japan, optional); the screens show days left with domain/deadlines */
    submissionDue: r.submissionDue,
    confirmationDue: r.confirmationDue,
    /** departments whose 提出期限 differs from the round's */
    departmentDeadlines: departmentDeadlines.map((d) => ({
      departmentId: d.departmentId,
      submissionDue: d.submissionDue,
    })),
    version: r.version,
  };
}
export type RoundDto = ReturnType<typeof presentRound>;

/** The user ids a list of rounds names (closers and reopeners). */
export function actorsOfRounds(rounds: RoundRow[]) {
  return [...new Set(rounds.flatMap((r) => [r.closedBy, r.reopenedBy].filter((id): id is string => !!id)))];
}
