import {
  checkDecisions,
  type DepartmentDecisions,
  type DepartmentMention,
  decisionFor,
  departmentKey,
  type KnownDepartment,
  type NamedDepartment,
  tableOfNamedDepartments,
} from "../../../domain/departments/named-departments.js";
import type { Executor } from "../../db/client.js";
import type { Actor } from "../../platform/audit.js";
import { ValidationError } from "../../platform/errors.js";
import * as departmentsRepo from "../departments/repository.js";
import { registerDepartment } from "../departments/service.js";

/** The plan office's decisions, or a rule that makes them from the table (the operator's `--new-departments`). */
export type DecisionsFor = DepartmentDecisions | ((table: readonly NamedDepartment[]) => DepartmentDecisions);

/** What the import did with one name: the table's entry, with the department it stands for after the commit. */
export interface DepartmentOutcome extends NamedDepartment {
  outcome: "existing" | "created" | "mapped" | "skipped" | "collective";
}

/** The municipality's departments as the matching sees them: current name, former names, merged or not. */
export async function knownDepartments(db: Executor, municipalityId: string): Promise<KnownDepartment[]> {
  // one after the other: inside a transaction they share one connection
  const rows = await departmentsRepo.listDepartments(db, municipalityId);
  const names = await departmentsRepo.listDepartmentNames(db, municipalityId);
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    formerNames: names.filter((n) => n.departmentId === d.id && n.name !== d.name).map((n) => n.name),
    mergedIntoId: d.mergedIntoId,
    active: !d.mergedIntoId && !d.abolishedOn,
  }));
}

/** The preview's table of the departments a document names. */
export async function namedDepartments(db: Executor, municipalityId: string, mentions: readonly DepartmentMention[]) {
  return tableOfNamedDepartments(mentions, await knownDepartments(db, municipalityId));
}

/**
 * In the caller's transaction, before anything else is written: checks the decisions against the table (a missing
 * or impossible one is a field-named 400), registers the new names the plan office confirmed (one audit record
 * each, as on the 課の管理 page), and answers the department ids of an item's names. Collective words and names
 * the plan office chose not to register link no department; the items keep the names as written.
 */
export async function settleDepartments(
  tx: Executor,
  actor: Actor,
  mentions: readonly DepartmentMention[],
  decisionsFor: DecisionsFor,
) {
  const known = await knownDepartments(tx, actor.municipalityId);
  const table = tableOfNamedDepartments(mentions, known);
  const decisions = typeof decisionsFor === "function" ? decisionsFor(table) : decisionsFor;
  const problems = checkDecisions(table, decisions, known);
  if (problems.length > 0) throw new ValidationError(problems);

  const idByKey = new Map<string, string>();
  const outcomes: DepartmentOutcome[] = [];
  for (const entry of table) {
    const key = departmentKey(entry.name);
    if (entry.status !== "new") {
      if (entry.department) idByKey.set(key, entry.department.id);
      outcomes.push({ ...entry, outcome: entry.status === "existing" ? "existing" : "collective" });
      continue;
    }
    const decision = decisionFor(entry, decisions);
    if (decision?.action === "create") {
      const d = await registerDepartment(tx, actor, entry.name);
      idByKey.set(key, d.id);
      outcomes.push({ ...entry, department: { id: d.id, name: d.name }, outcome: "created" });
    } else if (decision?.action === "map") {
      const target = known.find((d) => d.id === decision.departmentId);
      if (target) idByKey.set(key, target.id);
      outcomes.push({ ...entry, department: target ? { id: target.id, name: target.name } : null, outcome: "mapped" });
    } else outcomes.push({ ...entry, outcome: "skipped" });
  }

  /** Department ids for an item's names, in order, each once. */
  const idsFor = (names: readonly string[]) => {
    const ids: string[] = [];
    for (const name of names) {
      const id = idByKey.get(departmentKey(name));
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
  };
  return { table: outcomes, idsFor };
}
export type DepartmentIds = Awaited<ReturnType<typeof settleDepartments>>["idsFor"];
