/** The SQL of a round's deadlines: the round's two days (at its version) and the departments' own 提出期限. */
import { and, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { inMunicipality, updateAtVersion } from "../../db/records.js";
import { evaluationRounds, roundDepartmentDeadlines } from "../../db/schema/index.js";

export type DepartmentDeadline = typeof roundDepartmentDeadlines.$inferSelect;

export function updateRoundDeadlines(
  tx: Executor,
  municipalityId: string,
  roundId: string,
  version: number,
  values: { submissionDue: string | null; confirmationDue: string | null },
) {
  return updateAtVersion(tx, evaluationRounds, municipalityId, { id: roundId, version }, values);
}

export async function departmentDeadlinesOf(db: Executor, municipalityId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(roundDepartmentDeadlines)
    .where(
      and(
        inMunicipality(roundDepartmentDeadlines, municipalityId),
        inArray(roundDepartmentDeadlines.roundId, roundIds),
      ),
    );
}

/** Replaces a round's per-department 提出期限 with these. */
export async function replaceDepartmentDeadlines(
  tx: Executor,
  municipalityId: string,
  roundId: string,
  rows: { departmentId: string; submissionDue: string }[],
) {
  await tx
    .delete(roundDepartmentDeadlines)
    .where(inMunicipality(roundDepartmentDeadlines, municipalityId, { roundId }));
  if (rows.length) {
    await tx.insert(roundDepartmentDeadlines).values(rows.map((r) => ({ municipalityId, roundId, ...r })));
  }
}
