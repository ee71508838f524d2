import type { ParsedProgramme } from "../../../domain/import-programme/types.js";
import type { Executor } from "../../db/client.js";
import type { Actor } from "../../platform/audit.js";
import * as repo from "./repository.js";

/**
 * Writes a parsed programme into the registry, inside the import's transaction. Categories are found by name or
 * added; a project is found by its number: a new one is added, a known one takes the document's name, content,
 * categories and departments (a new version; its agencies stay, they are the support side's). Projects the
 * document does not list are left as they are. Departments were settled by the caller (departments-by-name.ts):
 * `departmentIds` links the names the plan office accepted; a project keeps the names that link none, as written.
 */
export async function writeProgramme(
  tx: Executor,
  actor: Actor,
  doc: ParsedProgramme,
  departmentIds: (names: readonly string[]) => string[],
) {
  const m = actor.municipalityId;
  const categoryId = new Map<string, string>();
  for (const [position, c] of doc.categories.entries()) {
    const parentId = c.parent ? (categoryId.get(c.parent) ?? null) : null;
    const row =
      (await repo.findCategoryByName(tx, m, c.name)) ??
      (await repo.insertCategory(tx, { municipalityId: m, name: c.name, parentId, position }));
    categoryId.set(c.name, row.id);
  }
  let added = 0;
  let updated = 0;
  for (const p of doc.projects) {
    const fields = {
      name: p.name,
      content: p.content,
      integrated: p.integrated,
      unlinkedDepartmentNames: p.departments.filter((name) => departmentIds([name]).length === 0),
      updatedBy: actor.userId,
    };
    const known = await repo.findProjectByNumber(tx, m, p.number);
    const row = known
      ? await repo.updateProject(tx, m, known.id, known.version, fields)
      : await repo.insertProject(tx, { municipalityId: m, number: p.number, ...fields });
    if (!row) throw new Error("a locked project changed inside the transaction");
    if (known) updated++;
    else added++;
    await repo.replaceLinks(tx, m, row.id, {
      categoryIds: p.categories.flatMap((name) => categoryId.get(name) ?? []),
      departmentIds: departmentIds(p.departments),
    });
  }
  return { planId: null, projects: { added, updated } };
}
