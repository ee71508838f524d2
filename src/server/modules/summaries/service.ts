import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { evaluationLevelOf } from "../../../domain/plan-items.js";
import { computeSummary, type SummaryFilter, type SummaryNode } from "../../../domain/summary.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { type Serialized, serialize } from "../../platform/http/precompressed.js";
import { policies } from "../../platform/policies.js";
import { isProjectLevel } from "../evaluations/service.js";
import type * as plansRepo from "../plans/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { buildTree, type TreeNode } from "../plans/tree.js";
import { frozenItemDepartments, frozenItems, frozenPlacements, frozenPlan } from "../revisions/frozen-views.js";
import { resolveStructure } from "../revisions/in-force.js";
import { loadSummaryInputs, type SummaryInputs } from "./repository.js";
import type { SummaryQuery } from "./schema.js";

/** Only accepted sheets count: the 総括表 is the checked result, not work in progress. */
export const COUNTED_STATUS = "accepted";

type Item = SummaryInputs["items"][number];

export type SummaryLine =
  | { kind: "heading"; nodeId: string; level: number; levelName: string; code: string | null; title: string }
  | {
      kind: "project";
      itemId: string;
      level: number;
      code: string | null;
      title: string;
      isNew: boolean;
      isPriority: boolean;
      relisted: boolean;
      grade: string | null;
      submittedGrade: string | null;
      status: string | null;
      departmentNames: string[];
    }
  | { kind: "subtotal"; nodeId: string; level: number; label: string };

/**
 * Computed results keyed by plan version: every write to a plan's items or sheets bumps plans.version, so a
 * cached summary is reused only while nothing it depends on has changed (also across processes).
 */
const cache = new Map<string, { version: number; value: unknown }>();
const CACHE_LIMIT = 500;

export async function getSummary(db: Executor, actor: AuthContext, planId: string, query: SummaryQuery) {
  policies.readPlans(actor);
  const plan = await loadPlanOr404(db, actor, planId);
  const { include: _include, ...counted } = query;
  const key = `${actor.municipalityId}:${planId}:${JSON.stringify(counted)}`;
  const hit = cache.get(key);
  if (hit && hit.version === plan.version) return hit.value as ReturnType<typeof assemble>;
  // the year is shown under the revision it was evaluated under, whatever was drafted or approved since
  const { frozen } = await resolveStructure(db, actor.municipalityId, planId, { fiscalYear: query.fiscalYear });
  const inputs = await loadSummaryInputs(db, actor.municipalityId, planId, query.fiscalYear, { sheetsOnly: !!frozen });
  const value = frozen
    ? assemble(
        frozenPlan(plan, frozen.snapshot),
        frozenItems(frozen.snapshot),
        frozenPlacements(frozen.snapshot),
        frozenItemDepartments(frozen.snapshot),
        inputs.sheets,
        query,
      )
    : assemble(plan, inputs.items, inputs.placements, inputs.itemDepartments, inputs.sheets, query);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, { version: plan.version, value });
  return value;
}

/**
 * The HTTP answer, serialised once per plan version: a 2,000-project 総括表 is half a megabyte of JSON, and
 * serialising it again for every reader would cost more than computing it.
 */
export async function getSummaryJson(db: Executor, actor: AuthContext, planId: string, query: SummaryQuery) {
  const value = await getSummary(db, actor, planId, query);
  const withRows = query.include === "rows";
  let cached = serialised.get(value);
  if (!cached) {
    cached = {};
    serialised.set(value, cached);
  }
  const slot = withRows ? "rows" : "counts";
  cached[slot] ??= serialize({ summary: withRows ? value : { ...value, lines: undefined } });
  return cached[slot];
}
const serialised = new WeakMap<object, { rows?: Serialized; counts?: Serialized }>();

function assemble(
  plan: plansRepo.PlanRow,
  items: Item[],
  placements: SummaryInputs["placements"],
  itemDepts: { itemId: string; departmentId: string }[],
  grades: { itemId: string; grade: string | null; status: string; departmentNames: string[] }[],
  query: SummaryQuery,
) {
  const deptsByItem = new Map<string, string[]>();
  for (const d of itemDepts) deptsByItem.set(d.itemId, [...(deptsByItem.get(d.itemId) ?? []), d.departmentId]);
  const sheetByItem = new Map(grades.map((g) => [g.itemId, g]));
  const tree = buildTree(items, placements);
  const countedGrade = (itemId: string) => {
    const s = sheetByItem.get(itemId);
    return s && s.status === COUNTED_STATUS ? s.grade : null;
  };
  const filter: SummaryFilter = {
    departmentId: query.departmentId,
    grade: query.grade,
    isNew: query.isNew,
    isPriority: query.isPriority,
  };

  const toNode = (n: TreeNode<Item>): SummaryNode => {
    const isProject = isProjectLevel(plan, n.item.level);
    return {
      id: n.item.id,
      level: n.item.level,
      code: n.item.code,
      title: n.item.title,
      children: isProject ? [] : n.children.map(toNode),
      project: isProject
        ? {
            itemId: n.item.id,
            grade: countedGrade(n.item.id),
            isNew: n.item.isNew,
            isPriority: n.item.isPriority,
            departmentIds: deptsByItem.get(n.item.id) ?? [],
            relisted: n.relisted,
          }
        : undefined,
    };
  };
  const roots = tree.map(toNode);
  const summary = computeSummary(roots, plan.gradeScale, filter);

  const matches = (item: Item) => {
    const grade = countedGrade(item.id);
    if (filter.departmentId && !(deptsByItem.get(item.id) ?? []).includes(filter.departmentId)) return false;
    if (filter.isNew !== undefined && item.isNew !== filter.isNew) return false;
    if (filter.isPriority !== undefined && item.isPriority !== filter.isPriority) return false;
    if (filter.grade === "ungraded") return grade === null;
    if (filter.grade) return grade === filter.grade;
    return true;
  };
  const lines: SummaryLine[] = [];
  const walk = (nodes: TreeNode<Item>[]) => {
    for (const n of nodes) {
      const item = n.item;
      if (isProjectLevel(plan, item.level)) {
        if (!matches(item)) continue;
        const sheet = sheetByItem.get(item.id);
        lines.push({
          kind: "project",
          itemId: item.id,
          level: item.level,
          code: item.code,
          title: item.title,
          isNew: item.isNew,
          isPriority: item.isPriority,
          relisted: n.relisted,
          grade: countedGrade(item.id),
          submittedGrade: sheet?.grade ?? null,
          status: sheet?.status ?? null,
          departmentNames: sheet?.departmentNames ?? [],
        });
        continue;
      }
      const levelName = plan.levelNames[item.level] ?? "";
      lines.push({
        kind: "heading",
        nodeId: item.id,
        level: item.level,
        levelName,
        code: item.code,
        title: item.title,
      });
      walk(n.children);
      const label = item.level === evaluationLevelOf(plan) - 1 ? "小計" : `${levelName}${item.code ?? ""} 合計`;
      lines.push({ kind: "subtotal", nodeId: item.id, level: item.level, label });
    }
  };
  walk(tree);

  return {
    plan: { id: plan.id, title: plan.title, levelNames: plan.levelNames, gradeScale: plan.gradeScale },
    fiscalYear: query.fiscalYear,
    fiscalYearLabel: formatFiscalYear(query.fiscalYear),
    countedStatus: COUNTED_STATUS,
    groups: summary.groups.map((g) => ({ ...g, levelName: plan.levelNames[g.level] ?? "" })),
    total: summary.total,
    lines,
  };
}
export type SummaryDto = Awaited<ReturnType<typeof getSummary>>;
