import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne } from "../../db/records.js";
import { municipalities, users } from "../../db/schema/index.js";

export async function findMunicipalityByCode(db: Executor, code: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code)).limit(1);
  return row ?? null;
}

export function findUserByLogin(db: Executor, municipalityId: string, loginId: string) {
  return findOne(db, users, municipalityId, { loginId });
}

export function listMunicipalities(db: Executor) {
  return db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
}
