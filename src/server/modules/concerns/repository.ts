import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { inMunicipality } from "../../db/records.js";
import { concernCategories, municipalities } from "../../db/schema/index.js";

export type ConcernRow = typeof concernCategories.$inferSelect;

export function listConcerns(db: Executor, municipalityId: string) {
  return db
    .select()
    .from(concernCategories)
    .where(inMunicipality(concernCategories, municipalityId))
    .orderBy(asc(concernCategories.position));
}

/** Serialises edits of one municipality's list (the first edit has no rows to lock). */
export async function lockMunicipality(db: Executor, municipalityId: string) {
  await db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId))
    .for("update");
}

export async function replaceConcerns(
  db: Executor,
  municipalityId: string,
  rows: (typeof concernCategories.$inferInsert)[],
) {
  await db.delete(concernCategories).where(inMunicipality(concernCategories, municipalityId));
  return db.insert(concernCategories).values(rows).returning();
}

/** The labels among `labels` that a referral (concerns) or a case (issues) of the municipality uses. */
export async function usedLabels(db: Executor, municipalityId: string, labels: string[]): Promise<Set<string>> {
  if (labels.length === 0) return new Set();
  const wanted = sql`array[${sql.join(
    labels.map((l) => sql`${l}`),
    sql`, `,
  )}]::text[]`;
  const result = await db.execute(sql`
    select distinct c.label from (
      select jsonb_array_elements_text(r.concerns) as label from referrals r where r.municipality_id = ${municipalityId}
      union all
      select jsonb_array_elements_text(k.issues) as label from cases k where k.municipality_id = ${municipalityId}
    ) c where c.label = any(${wanted})`);
  return new Set((result as unknown as { rows: { label: string }[] }).rows.map((r) => r.label));
}
