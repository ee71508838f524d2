/**
 * The departments a document names, against the municipality's own. An import never registers a department on
 * its own: each name is matched to an existing department (by its normalised current or former name), or is new and
 * waits for the plan office's decision (register it, take an existing department instead, or link none), or is a
 * collective word ("各課", "関係各課", "全課") that is no department at all. Pure: the caller loads and writes.
 */
import { isCollectiveDepartmentName, normalizeDepartmentName } from "../text/normalize";

/** One place the document names a department: the name as written and the line of the item that names it. */
export interface DepartmentMention {
  name: string;
  line: number | null;
}

export interface KnownDepartment {
  id: string;
  name: string;
  /** names the department had before a rename (組織改正) */
  formerNames: readonly string[];
  /** set when the department was merged into another one */
  mergedIntoId: string | null;
  active: boolean;
}

export type NamedDepartmentStatus = "existing" | "new" | "collective";

export interface NamedDepartment {
  /** the name as first written in the document */
  name: string;
  status: NamedDepartmentStatus;
  /** for `existing`: the department the name stands for (the one it was merged into, when it was merged) */
  department: { id: string; name: string } | null;
  /** how an existing department was found: its name, a former name, or the name of a department merged into it */
  matchedBy: "name" | "former_name" | "merged" | null;
  /** how many times the document names it (one item may name it once) */
  mentions: number;
  firstLine: number | null;
}

export type DepartmentDecision = { action: "create" } | { action: "map"; departmentId: string } | { action: "skip" };
/** The plan office's decisions, by the name as listed (any spelling with the same normalised form is the same name). */
export type DepartmentDecisions = Readonly<Record<string, DepartmentDecision>>;

export interface DecisionProblem {
  /** the field a form shows the message at: `departments.<name>` */
  field: string;
  message: string;
}

/** Longest department name that can be registered (the same limit as registering one on the 課の管理 page). */
export const MAX_DEPARTMENT_NAME = 100;

export const departmentKey = normalizeDepartmentName;

/** The surviving department of a merged one (merges may chain; a loop ends the walk). */
function survivor(d: KnownDepartment, byId: ReadonlyMap<string, KnownDepartment>): KnownDepartment {
  let current = d;
  const seen = new Set<string>();
  while (current.mergedIntoId && !seen.has(current.id)) {
    seen.add(current.id);
    const next = byId.get(current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

/** Each distinct name (by normalised form) once, in the order the document first names it. */
export function tableOfNamedDepartments(
  mentions: readonly DepartmentMention[],
  known: readonly KnownDepartment[],
): NamedDepartment[] {
  const byId = new Map(known.map((d) => [d.id, d]));
  const byName = new Map<string, KnownDepartment>();
  const byFormerName = new Map<string, KnownDepartment>();
  for (const d of known) {
    if (!byName.has(departmentKey(d.name))) byName.set(departmentKey(d.name), d);
    for (const n of d.formerNames) if (!byFormerName.has(departmentKey(n))) byFormerName.set(departmentKey(n), d);
  }
  const table = new Map<string, NamedDepartment>();
  for (const m of mentions) {
    const key = departmentKey(m.name);
    if (key === "") continue;
    const seen = table.get(key);
    if (seen) {
      seen.mentions++;
      continue;
    }
    const entry: NamedDepartment = {
      name: m.name.trim(),
      status: "new",
      department: null,
      matchedBy: null,
      mentions: 1,
      firstLine: m.line,
    };
    const found = byName.get(key) ?? byFormerName.get(key);
    if (isCollectiveDepartmentName(m.name)) entry.status = "collective";
    else if (found) {
      const target = survivor(found, byId);
      entry.status = "existing";
      entry.department = { id: target.id, name: target.name };
      entry.matchedBy = target !== found ? "merged" : byName.get(key) ? "name" : "former_name";
    }
    table.set(key, entry);
  }
  return [...table.values()];
}

/**
 * What is wrong with the decisions for this table: every new name needs one; only new names take one; a mapped
 * department must be an active one of the municipality; a registered name must fit the name limit.
 */
export function checkDecisions(
  table: readonly NamedDepartment[],
  decisions: DepartmentDecisions,
  known: readonly KnownDepartment[],
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const byKey = new Map(table.map((d) => [departmentKey(d.name), d]));
  const decided = new Set<string>();
  for (const [name, decision] of Object.entries(decisions)) {
    const field = `departments.${name}`;
    const entry = byKey.get(departmentKey(name));
    decided.add(departmentKey(name));
    if (!entry) problems.push({ field, message: `「${name}」はこの文書に書かれていない課です` });
    else if (entry.status === "collective") {
      if (decision.action !== "skip")
        problems.push({ field, message: `「${name}」は課の名前ではないため、登録も対応付けもできません` });
    } else if (entry.status === "existing") {
      problems.push({ field, message: `「${name}」は登録済みの「${entry.department?.name}」として取り込みます` });
    } else if (decision.action === "map") {
      const target = known.find((d) => d.id === decision.departmentId);
      if (!target?.active) problems.push({ field, message: "対応付ける課を、登録済みの課から選んでください" });
    } else if (decision.action === "create" && entry.name.length > MAX_DEPARTMENT_NAME) {
      problems.push({
        field,
        message: `課名が${MAX_DEPARTMENT_NAME}文字を超えるため登録できません。既存の課に対応付けるか、登録しないを選んでください`,
      });
    }
  }
  for (const entry of table) {
    if (entry.status !== "new" || decided.has(departmentKey(entry.name))) continue;
    problems.push({
      field: `departments.${entry.name}`,
      message: `「${entry.name}」を新しい課として登録するか、既存の課に対応付けるか、登録しないかを選んでください`,
    });
  }
  return problems;
}

/** The decision for a new name (after checkDecisions found none missing). */
export function decisionFor(entry: NamedDepartment, decisions: DepartmentDecisions): DepartmentDecision | null {
  const key = departmentKey(entry.name);
  for (const [name, decision] of Object.entries(decisions)) if (departmentKey(name) === key) return decision;
  return null;
}

/** The same decision for every new name: what an operator's `--new-departments create|skip` means. */
export function decideEveryNewName(
  table: readonly NamedDepartment[],
  action: "create" | "skip",
): Record<string, DepartmentDecision> {
  return Object.fromEntries(table.filter((d) => d.status === "new").map((d) => [d.name, { action }]));
}
