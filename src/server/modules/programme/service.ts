import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as agenciesRepo from "../agencies/repository.js";
import * as departmentsRepo from "../departments/repository.js";
import { presentProject, presentRegistry } from "./presenter.js";
import * as repo from "./repository.js";
import type { UpdateProjectInput } from "./schema.js";

/** The registry: the law's categories, the municipality's projects and what each is linked to. */
export async function getRegistry(db: Db, actor: AuthContext) {
  policies.readProgramme(actor);
  const m = actor.municipalityId;
  const [categories, projects, links, departments, agencies] = await Promise.all([
    repo.listCategories(db, m),
    repo.listProjects(db, m),
    repo.listLinks(db, m),
    departmentsRepo.listDepartments(db, m),
    agenciesRepo.listAgencies(db, m),
  ]);
  return presentRegistry(categories, projects, links, departments, agencies, policies.canEditProgramme(actor));
}

/** The project's links as the audit trail records them beside its row. */
async function linksOf(tx: Executor, municipalityId: string, projectId: string) {
  const links = await repo.listLinks(tx, municipalityId);
  const of = <T extends { projectId: string }>(rows: T[], id: (r: T) => string) =>
    rows.filter((r) => r.projectId === projectId).map(id);
  return {
    categoryIds: of(links.categories, (r) => r.categoryId),
    departmentIds: of(links.departments, (r) => r.departmentId),
    agencyIds: of(links.agencies, (r) => r.agencyId),
  };
}

/** Every id the change links to must be the municipality's own (a department still in use): else a field-named 400. */
async function checkLinks(tx: Executor, municipalityId: string, input: UpdateProjectInput) {
  const categories = new Set((await repo.listCategories(tx, municipalityId)).map((c) => c.id));
  const departments = new Set(
    (await departmentsRepo.listDepartments(tx, municipalityId))
      .filter((d) => !d.mergedIntoId && !d.abolishedOn)
      .map((d) => d.id),
  );
  const agencies = new Set((await agenciesRepo.listAgencies(tx, municipalityId)).map((a) => a.id));
  const problems = [
    ...(input.categoryIds ?? [])
      .filter((id) => !categories.has(id))
      .map(() => ({ field: "categoryIds", message: "登録されていない法対象事業が含まれています" })),
    ...(input.departmentIds ?? [])
      .filter((id) => !departments.has(id))
      .map(() => ({ field: "departmentIds", message: "登録されていない（または統合・廃止された）課が含まれています" })),
    ...(input.agencyIds ?? [])
      .filter((id) => !agencies.has(id))
      .map(() => ({ field: "agencyIds", message: "登録されていない支援機関が含まれています" })),
  ];
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * One project's change at the version the editor read (If-Match): its own fields and the categories, departments
 * and agencies it is linked to, with the audit record, in one transaction.
 */
export async function updateProject(
  db: Db,
  actor: RequestActor,
  projectId: string,
  version: number,
  input: UpdateProjectInput,
) {
  policies.editProgramme(actor);
  const m = actor.municipalityId;
  const row = await db.transaction(async (tx) => {
    const before = await repo.findProject(tx, m, projectId, { forUpdate: true });
    if (!before) throw notFound("事業");
    if (before.version !== version) throw staleVersion(before.version);
    await checkLinks(tx, m, input);
    if (input.number !== undefined && input.number !== before.number) {
      const other = await repo.findProjectByNumber(tx, m, input.number);
      if (other) throw conflict(`事業番号 ${input.number} は「${other.name}」が使っています`);
    }
    const beforeLinks = await linksOf(tx, m, projectId);
    const { categoryIds, departmentIds, agencyIds, ...fields } = input;
    // choosing the departments settles the names an import could not link
    const settled = departmentIds ? { unlinkedDepartmentNames: [] } : {};
    const after = await repo.updateProject(tx, m, projectId, version, {
      ...fields,
      ...settled,
      updatedBy: actor.userId,
    });
    if (!after) throw staleVersion(before.version);
    await repo.replaceLinks(tx, m, projectId, { categoryIds, departmentIds, agencyIds });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "programme_project",
      entityId: projectId,
      before: { ...before, ...beforeLinks },
      after: { ...after, ...(await linksOf(tx, m, projectId)) },
    });
    return after;
  });
  return presentProject(row);
}
