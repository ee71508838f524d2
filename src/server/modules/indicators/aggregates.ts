/**
 * The plan's indicators gathered: attainment shares per 基本目標 and department, the department matrix, and the
 * caller's own departments' items.
 */

import { currentFiscalYear, formatFiscalYear } from "../../../domain/fiscal-year.js";
import { suggestGrade } from "../../../domain/indicators/attainment.js";
import { evaluationLevelOf } from "../../../domain/plan-items.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentItemBrief, tally } from "./presenter.js";
import { PlanStructure } from "./structure.js";
import { getIndicatorView, loadScopedPlanData, tallyOf, type ViewEntry } from "./view.js";

/**
 * GET /api/plans/:planId/attainment-share: share of decidable indicators met, per 基本目標 and per department.
 * Aggregates over the whole plan for every role (like the 総括表): no single indicator is revealed.
 */
export async function getAttainmentShare(db: Executor, auth: AuthContext, planId: string, fiscalYear: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const view = await getIndicatorView(db, plan, fiscalYear);
  const byGoal = new Map<string, ViewEntry[]>();
  const byDepartment = new Map<string, ViewEntry[]>();
  for (const e of view.entries) {
    if (e.goalId) byGoal.set(e.goalId, [...(byGoal.get(e.goalId) ?? []), e]);
    for (const d of e.departmentIds) byDepartment.set(d, [...(byDepartment.get(d) ?? []), e]);
  }
  return {
    plan: { id: plan.id, title: plan.title },
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    total: tallyOf(view.entries),
    goals: view.structure.childrenOfItem(null).map((goal) => ({
      item: presentItemBrief(goal, plan.levelNames),
      ...tallyOf(byGoal.get(goal.id) ?? []),
    })),
    departments: view.departments
      .filter((d) => byDepartment.has(d.id))
      .map((d) => ({ department: d, ...tallyOf(byDepartment.get(d.id) ?? []) })),
  };
}

/**
 * GET /api/plans/:planId/department-matrix: departments × the items of one level (default: the evaluation level),
 * generated from plan_item_departments. "own" = the item's own department; "rolledUp" = the department of an item
 * below it (an activity's 担当課 shown on its initiative).
 */
export async function getDepartmentMatrix(db: Executor, auth: AuthContext, planId: string, level?: number) {
  policies.readPlans(auth);
  const { data, plan } = await loadScopedPlanData(db, await loadPlanOr404(db, auth, planId), "in_force", {
    fiscalYear: null,
    actuals: false,
  });
  const structure = new PlanStructure(data.items, data.placements, data.itemDepartments);
  const last = Math.max(0, plan.levelNames.length - 1);
  const rowLevel = level === undefined ? evaluationLevelOf(plan) : Math.min(level, last);
  const names = new Map(data.departments.map((d) => [d.id, d.name]));
  const columns: string[] = [];
  const rows = structure.ordered
    .filter((i) => i.level === rowLevel)
    .map((item) => {
      const marks: Record<string, "own" | "rolledUp"> = {};
      for (const d of structure.ownDepartmentsOf(item.id)) marks[d] = "own";
      for (const below of structure.descendants(item.id)) {
        for (const d of structure.ownDepartmentsOf(below.id)) marks[d] ??= "rolledUp";
      }
      for (const d of Object.keys(marks)) if (!columns.includes(d)) columns.push(d);
      const chain = structure.chain(item.id);
      return {
        item: presentItemBrief(item, plan.levelNames),
        goal: presentItemBrief(structure.item(chain[chain.length - 1] ?? null), plan.levelNames),
        parent: presentItemBrief(structure.item(chain[1] ?? null), plan.levelNames),
        marks,
      };
    });
  return {
    plan: { id: plan.id, title: plan.title },
    level: rowLevel,
    levelName: plan.levelNames[rowLevel] ?? "",
    legend: { own: "●", rolledUp: "○" },
    departments: columns.map((id) => ({ id, name: names.get(id) ?? "" })),
    rows,
  };
}

/**
 * GET /api/plans/:planId/my-department: the items at the evaluation level that the caller's departments own or
 * have an activity under, each with its indicators (those the caller may see) and this year's attainment.
 */
export async function getMyDepartment(db: Executor, auth: AuthContext, planId: string, fiscalYear?: number) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const fy = fiscalYear ?? Math.min(Math.max(currentFiscalYear(), plan.startFiscalYear), plan.endFiscalYear);
  const view = await getIndicatorView(db, plan, fy);
  const { structure } = view;
  const mine = auth.departmentIds;
  const level = evaluationLevelOf(plan);
  const items = structure.ordered
    .filter((i) => i.level === level)
    .map((item) => {
      const own = structure.ownDepartmentsOf(item.id).some((d) => mine.includes(d));
      const below = structure
        .descendants(item.id)
        .some((b) => structure.ownDepartmentsOf(b.id).some((d) => mine.includes(d)));
      return { item, mark: own ? ("own" as const) : below ? ("rolledUp" as const) : null };
    })
    .filter((r) => r.mark !== null)
    .map(({ item, mark }) => {
      const entries = view.entries.filter(
        (e) => e.itemId !== null && structure.isWithin(e.itemId, item.id) && policies.canSeeIndicator(auth, e.owners),
      );
      const chain = structure.chain(item.id);
      return {
        item: presentItemBrief(item, plan.levelNames),
        goal: presentItemBrief(structure.item(chain[chain.length - 1] ?? null), plan.levelNames),
        mark,
        departments: structure.departmentsOf(item.id).map((id) => ({ id, name: view.departmentName.get(id) ?? "" })),
        counts: tallyOf(entries),
        suggestedGrade: suggestGrade(
          entries.map((e) => e.attainment),
          plan.gradeScale,
        ),
        indicators: entries.map((e) => e.dto),
      };
    });
  return {
    plan: { id: plan.id, title: plan.title },
    fiscalYear: fy,
    fiscalYearLabel: formatFiscalYear(fy),
    departments: mine.map((id) => ({ id, name: view.departmentName.get(id) ?? "" })),
    counts: tally(items.flatMap((i) => i.indicators.map((d) => d.attainment))),
    items,
  };
}
