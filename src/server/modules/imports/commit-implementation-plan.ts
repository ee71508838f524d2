import { MEGURO_SCALE } from "../../../domain/grades.js";
import type { ParsedImplementationPlan } from "../../../domain/import-implementation-plan/types.js";
import type { Executor } from "../../db/client.js";
import {
  indicators,
  indicatorTargets,
  planItemDepartments,
  planItemPlacements,
  planItems,
} from "../../db/schema/index.js";
import type { Actor } from "../../platform/audit.js";
import * as plansRepo from "../plans/repository.js";
import type { DepartmentIds } from "./departments-by-name.js";
import { type ImplementationPlanLayout, LEVELS } from "./implementation-plan-rows.js";
import { insertChunks, itemDepartmentRows, targetRow } from "./plan-rows.js";

export const IMPLEMENTATION_PLAN_LEVELS = ["基本目標", "施策", "重点取組", "取組内容"];
export const IMPLEMENTATION_PLAN_CONSTITUENTS = [
  { code: "地", title: "地域福祉計画" },
  { code: "後", title: "成年後見制度利用促進基本計画" },
  { code: "高", title: "高齢者計画" },
  { code: "障", title: "障がい者計画" },
];

/**
 * Writes a parsed 実施計画 as a plan (重点取組 get the yearly sheets), its items and placements, departments, and one
 * indicator per activity with its yearly targets (source text and typed value side by side). Runs inside the
 * caller's transaction; the layout was decided beforehand, so the preview reported exactly these rows. Departments
 * were settled by the caller (departments-by-name.ts): `departmentIds` links the names the plan office accepted, and
 * every item keeps the names as written in its source.
 */
export async function commitImplementationPlan(
  tx: Executor,
  auth: Actor,
  doc: ParsedImplementationPlan,
  layout: ImplementationPlanLayout,
  fallbackFiscalYear: number,
  departmentIds: DepartmentIds,
) {
  const m = auth.municipalityId;
  const start = doc.startFiscalYear ?? fallbackFiscalYear;
  const plan = await plansRepo.insertPlan(tx, m, {
    title: doc.title || "実施計画",
    kind: "実施計画",
    startFiscalYear: start,
    endFiscalYear: Math.max(doc.endFiscalYear ?? start, start),
    levelNames: IMPLEMENTATION_PLAN_LEVELS,
    gradeScale: MEGURO_SCALE,
    constituentPlans: IMPLEMENTATION_PLAN_CONSTITUENTS,
    evaluationLevel: LEVELS.initiative,
    milestoneLadder: null,
  });

  const itemDepartments = layout.items.flatMap((item) =>
    itemDepartmentRows(m, item.id, departmentIds(item.departments)),
  );

  await insertChunks(layout.items, 500, (chunk) =>
    tx.insert(planItems).values(
      chunk.map((i) => ({
        id: i.id,
        municipalityId: m,
        planId: plan.id,
        level: i.level,
        code: i.code,
        title: i.title,
        summary: i.summary,
        category: i.category,
        majorMeasure: i.majorMeasure,
        constituentPlans: i.constituentPlans,
        source: i.departments.length > 0 ? { ...i.source, departments: i.departments } : i.source,
      })),
    ),
  );
  await insertChunks(layout.placements, 1000, (chunk) =>
    tx.insert(planItemPlacements).values(chunk.map((p) => ({ municipalityId: m, planId: plan.id, ...p }))),
  );
  await insertChunks(itemDepartments, 1000, (chunk) => tx.insert(planItemDepartments).values(chunk));
  await insertChunks(layout.indicators, 500, (chunk) =>
    tx.insert(indicators).values(
      chunk.map((i) => ({
        id: i.id,
        municipalityId: m,
        planId: plan.id,
        itemId: i.itemId,
        kind: "activity",
        name: i.name,
        position: 0, // one indicator per activity
        source: i.source,
      })),
    ),
  );
  const targets = layout.indicators.flatMap((i) =>
    i.targets.map(({ fiscalYear, target }) => targetRow(m, i.id, fiscalYear, target)),
  );
  await insertChunks(targets, 1000, (chunk) => tx.insert(indicatorTargets).values(chunk));
  return { planId: plan.id };
}
