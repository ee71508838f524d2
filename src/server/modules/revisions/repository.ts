import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { planRevisions } from "../../db/schema/index.js";

export type RevisionRow = typeof planRevisions.$inferSelect;

/** The revision in force: the latest approved one (null before the first approval). */
export async function findCurrentRevision(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select()
    .from(planRevisions)
    .where(
      and(
        eq(planRevisions.municipalityId, municipalityId),
        eq(planRevisions.planId, planId),
        eq(planRevisions.status, "approved"),
      ),
    )
    .orderBy(desc(planRevisions.number))
    .limit(1);
  return row ?? null;
}
