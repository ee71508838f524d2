/** The rows every import writes the same way, whatever document they came from. */
import type { Target } from "../../../domain/indicators/target.js";
import { typingOf } from "../../../domain/indicators/target-typing.js";

/** Inserts in chunks: one statement per few hundred rows keeps the bound parameters under the driver limits. */
export async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** An item's departments in the order the document names them (the first one leads). */
export function itemDepartmentRows(municipalityId: string, itemId: string, departmentIds: string[]) {
  return departmentIds.map((departmentId, position) => ({ municipalityId, itemId, departmentId, position }));
}

/** A yearly target as written in the document, with the typed columns read from it. */
export function targetRow(municipalityId: string, indicatorId: string, fiscalYear: number, target: Target) {
  return { municipalityId, indicatorId, fiscalYear, source: target.source, ...typingOf(target) };
}
