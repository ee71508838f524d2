import { normalizeDepartmentName } from "../../../domain/text/normalize.js";
import type { Executor } from "../../db/client.js";
import * as departmentsRepo from "../departments/repository.js";

/**
 * Departments by their written name, for imports: an unknown name becomes a new department (named as written), an
 * existing one is reused. Names are compared without width or spacing noise ("福祉 政策課" is "福祉政策課"), because
 * text extracted from PDF breaks lines inside cells. Runs inside the caller's transaction.
 */
export async function departmentsByName(tx: Executor, municipalityId: string) {
  const idByKey = new Map<string, string>();
  for (const d of await departmentsRepo.listDepartments(tx, municipalityId)) {
    const key = normalizeDepartmentName(d.name);
    if (!idByKey.has(key)) idByKey.set(key, d.id);
  }
  let created = 0;
  /** Department ids for the names, in order, each once. */
  const idsFor = async (names: readonly string[]) => {
    const ids: string[] = [];
    for (const name of names) {
      const key = normalizeDepartmentName(name);
      if (key === "") continue;
      let id = idByKey.get(key);
      if (!id) {
        id = (await departmentsRepo.insertDepartment(tx, municipalityId, name)).id;
        idByKey.set(key, id);
        created++;
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };
  return { idsFor, created: () => created };
}
