import type { Executor } from "../../db/client.js";
import { findOne, insertOne } from "../../db/records.js";
import { imports } from "../../db/schema/index.js";

export function findImportBySha(db: Executor, municipalityId: string, kind: string, sha256: string) {
  return findOne(db, imports, municipalityId, { kind, sha256 });
}

export function insertImport(db: Executor, values: typeof imports.$inferInsert) {
  return insertOne(db, imports, values);
}
