import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { imports } from "../../db/schema/index.js";

export async function findImportBySha(db: Executor, municipalityId: string, kind: string, sha256: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.municipalityId, municipalityId), eq(imports.kind, kind), eq(imports.sha256, sha256)));
  return row ?? null;
}

export async function insertImport(db: Executor, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
