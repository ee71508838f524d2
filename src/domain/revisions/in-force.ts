/**
 * Which revision a year's evaluation was made under. Pure.
 *
 * Evaluation sheets belong to a round (plan × fiscal year), not to a revision. The revision a round was made under
 * is the one in force when the round was opened: the latest revision approved at or before the opening. A round
 * opened before the first approval belongs to revision 1: the baseline (策定時) freezes the plan as it was while
 * those rounds ran (it is taken when the first rolling revision starts, before anything of it is edited).
 */

export interface RevisionTimes {
  number: number;
  status: string;
  approvedAt: Date | null;
}

export interface RoundTimes {
  fiscalYear: number;
  openedAt: Date;
}

export interface InForce {
  /** approval of this revision; null for a draft */
  from: Date | null;
  /** approval of the next one; null while it is still in force (or for a draft) */
  until: Date | null;
  /** the fiscal years whose evaluation round was opened while this revision was in force */
  evaluationFiscalYears: number[];
}

export function revisionsInForce(revisions: RevisionTimes[], rounds: RoundTimes[]): Map<number, InForce> {
  const approved = revisions
    .filter((r): r is RevisionTimes & { approvedAt: Date } => r.status === "approved" && r.approvedAt !== null)
    .sort((a, b) => a.number - b.number);
  const out = new Map<number, InForce>();
  for (const r of revisions) out.set(r.number, { from: null, until: null, evaluationFiscalYears: [] });
  approved.forEach((r, i) => {
    const entry = out.get(r.number);
    if (!entry) return;
    entry.from = r.approvedAt;
    entry.until = approved[i + 1]?.approvedAt ?? null;
  });
  const first = approved[0];
  if (!first) return out;
  for (const round of [...rounds].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
    let under = first;
    for (const r of approved) if (r.approvedAt.getTime() <= round.openedAt.getTime()) under = r;
    out.get(under.number)?.evaluationFiscalYears.push(round.fiscalYear);
  }
  return out;
}

/** The revision number each round was made under (null when the plan has no approved revision yet). */
export function revisionOfRounds(revisions: RevisionTimes[], rounds: RoundTimes[]) {
  const inForce = revisionsInForce(revisions, rounds);
  const byYear = new Map<number, number>();
  for (const [number, f] of inForce) for (const fy of f.evaluationFiscalYears) byYear.set(fy, number);
  return rounds
    .map((r) => ({ fiscalYear: r.fiscalYear, openedAt: r.openedAt, revisionNumber: byYear.get(r.fiscalYear) ?? null }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
}
