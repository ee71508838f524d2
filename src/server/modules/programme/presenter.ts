import type { AgencyRow } from "../agencies/repository.js";
import type { DepartmentRow } from "../departments/repository.js";
import type { CategoryRow, ProjectLinks, ProjectRow } from "./repository.js";

interface Named {
  id: string;
  name: string;
}

const refsOf = (ids: string[], byId: Map<string, Named>, unknown: string) =>
  ids.map((id) => ({ id, name: byId.get(id)?.name ?? unknown }));

/**
 * The registry as the screen draws it: the law's categories as a tree (a top category and its sub-kinds), each
 * project with the categories, departments and agencies it is linked to, and what an editor may choose from.
 */
export function presentRegistry(
  categories: CategoryRow[],
  projects: ProjectRow[],
  links: ProjectLinks,
  departments: DepartmentRow[],
  agencies: AgencyRow[],
  canEdit: boolean,
) {
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const linked = <T extends { projectId: string }>(rows: T[], projectId: string, id: (r: T) => string) =>
    rows.filter((r) => r.projectId === projectId).map(id);
  return {
    categories: categories
      .filter((c) => c.parentId === null)
      .map((top) => ({
        id: top.id,
        name: top.name,
        subKinds: categories.filter((c) => c.parentId === top.id).map((c) => ({ id: c.id, name: c.name })),
      })),
    projects: projects.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      content: p.content,
      integrated: p.integrated,
      categories: linked(links.categories, p.id, (r) => r.categoryId).map((id) => {
        const c = categoryById.get(id);
        const parent = c?.parentId ? categoryById.get(c.parentId) : undefined;
        return { id, name: c?.name ?? "（不明な区分）", parentName: parent?.name ?? null };
      }),
      departments: refsOf(
        linked(links.departments, p.id, (r) => r.departmentId),
        departmentById,
        "（不明な課）",
      ),
      /** 所管課 the imported document names that link no department, as written */
      unlinkedDepartmentNames: p.unlinkedDepartmentNames,
      agencies: refsOf(
        linked(links.agencies, p.id, (r) => r.agencyId),
        agencyById,
        "（不明な機関）",
      ),
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
    })),
    canEdit,
    /** what an editor links a project to (empty for a reader) */
    choices: canEdit
      ? {
          departments: departments
            .filter((d) => !d.mergedIntoId && !d.abolishedOn)
            .map((d) => ({ id: d.id, name: d.name })),
          agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
        }
      : { departments: [], agencies: [] },
  };
}

export function presentProject(p: ProjectRow) {
  return { id: p.id, number: p.number, name: p.name, version: p.version };
}
