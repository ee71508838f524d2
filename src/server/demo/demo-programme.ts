import type { Executor } from "../db/client.js";
import * as departmentsRepo from "../modules/departments/repository.js";
import * as programmeRepo from "../modules/programme/repository.js";
import { DEMO_PROGRAMME_CATEGORIES, DEMO_PROGRAMME_PROJECTS } from "./demo-programme-data.js";
import type { AgencyKey } from "./demo-support-data.js";

/** Writes the demo programme registry: categories (top, then sub-kinds), projects, and each project's links. */
export async function loadDemoProgramme(tx: Executor, municipalityId: string, agency: (key: AgencyKey) => string) {
  const categoryIds = new Map<string, string>();
  let position = 0;
  for (const top of DEMO_PROGRAMME_CATEGORIES) {
    const row = await programmeRepo.insertCategory(tx, { municipalityId, name: top.name, position: position++ });
    categoryIds.set(top.name, row.id);
    for (const name of top.subKinds) {
      const sub = await programmeRepo.insertCategory(tx, {
        municipalityId,
        name,
        parentId: row.id,
        position: position++,
      });
      categoryIds.set(name, sub.id);
    }
  }
  const found = <T>(value: T | undefined | null, what: string): T => {
    if (value === undefined || value === null) throw new Error(`demo programme: unknown ${what}`);
    return value;
  };
  for (const p of DEMO_PROGRAMME_PROJECTS) {
    const row = await programmeRepo.insertProject(tx, {
      municipalityId,
      number: p.number,
      name: p.name,
      content: p.content,
      integrated: p.integrated ?? false,
    });
    const departmentIds: string[] = [];
    for (const name of p.departments)
      departmentIds.push(found(await departmentsRepo.findDepartmentByName(tx, municipalityId, name), name).id);
    await programmeRepo.replaceLinks(tx, municipalityId, row.id, {
      categoryIds: p.categories.map((name) => found(categoryIds.get(name), name)),
      departmentIds,
      agencyIds: p.agencies.map(agency),
    });
  }
  return { programmeCategories: categoryIds.size, programmeProjects: DEMO_PROGRAMME_PROJECTS.length };
}
