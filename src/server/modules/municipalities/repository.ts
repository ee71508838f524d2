import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { municipalities } from "../../db/schema/index.js";

export async function findMunicipalityByCode(db: Executor, code: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code)).limit(1);
  return row ?? null;
}

export async function insertMunicipality(db: Executor, values: { code: string; name: string }) {
  const [row] = await db.insert(municipalities).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Every municipality's id, in code order (the daily jobs run once for each). */
export async function listMunicipalityIds(db: Executor) {
  const rows = await db.select({ id: municipalities.id }).from(municipalities).orderBy(municipalities.code);
  return rows.map((r) => r.id);
}
