import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { agencies } from "../../db/schema/index.js";

export type AgencyRow = typeof agencies.$inferSelect;

export function listAgencies(db: Executor, municipalityId: string) {
  return db.select().from(agencies).where(eq(agencies.municipalityId, municipalityId)).orderBy(asc(agencies.name));
}

export async function findAgency(db: Executor, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.municipalityId, municipalityId), eq(agencies.id, id)));
  return row ?? null;
}

export async function findAgencyByName(db: Executor, municipalityId: string, name: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.municipalityId, municipalityId), eq(agencies.name, name)));
  return row ?? null;
}

export async function insertAgency(db: Executor, values: typeof agencies.$inferInsert) {
  const [row] = await db.insert(agencies).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
