/** Reading evaluations: the sheets of a year, one sheet with its indicators, a sheet's history. */
import type { Executor } from "../../db/client.js";
import { listAuditForEntity } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { indicatorsOfSheet } from "../indicators/service.js";
import { loadPlanOr404 } from "../plans/service.js";
import * as usersRepo from "../users/repository.js";
import { presentSheet, presentSheetHistory, presentSheetListRow } from "./presenter.js";
import * as repo from "./repository.js";
import type { SheetStatus } from "./schema.js";
import { loadSheetForCaller, planOfSheet } from "./sheet-access.js";
import { yearStructure } from "./year-structure.js";

export interface EvaluatedPlan {
  levelNames: string[];
  /** plans.evaluation_level: the level that gets the yearly sheets; null = the last level */
  evaluationLevel: number | null;
}

/**
 * The level whose items get the yearly evaluation sheets and are the projects of the 総括表: the plan's
 * evaluation level (実施計画: 重点取組, with 取組内容 below), or its last level (事業) when none is set or the set
 * one is not a level of the plan.
 */
export function evaluationLevelOf(plan: EvaluatedPlan) {
  const last = plan.levelNames.length - 1;
  const set = plan.evaluationLevel;
  return set !== null && Number.isInteger(set) && set >= 0 && set <= last ? set : last;
}

/** The items that get an evaluation sheet: those at the plan's evaluation level. Deeper levels get none. */
export function isProjectLevel(plan: EvaluatedPlan, level: number) {
  return level === evaluationLevelOf(plan);
}

export async function listSheets(
  db: Executor,
  auth: AuthContext,
  planId: string,
  fiscalYear: number,
  opts: { mine: boolean; status?: SheetStatus },
) {
  await loadPlanOr404(db, auth, planId);
  const [sheets, structure] = await Promise.all([
    repo.listSheetsOfPlanYear(db, auth.municipalityId, planId, fiscalYear),
    yearStructure(db, auth.municipalityId, planId, fiscalYear),
  ]);
  const mineOnly = opts.mine || policies.listsOwnSheetsOnly(auth);
  return sheets
    .filter((s) => {
      const depts = structure.departmentsOf(s.itemId);
      if (!policies.canSeeSheet(auth, depts)) return false;
      if (mineOnly && !depts.some((d) => auth.departmentIds.includes(d))) return false;
      return !opts.status || s.status === opts.status;
    })
    .map((s) => presentSheetListRow(s, structure.itemOf(s.itemId), structure.departmentsOf(s.itemId)))
    .sort((a, b) => compareCodes(a.item?.code ?? "", b.item?.code ?? ""));
}

/** "1-2-10" after "1-2-9": numeric parts compare as numbers. */
export function compareCodes(a: string, b: string) {
  return a.localeCompare(b, "ja", { numeric: true });
}

export async function getSheet(db: Executor, auth: AuthContext, sheetId: string) {
  const { sheet, item, itemDepartmentIds, settings } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const plan = await planOfSheet(db, auth, sheet, settings);
  const indicators = await indicatorsOfSheet(db, plan, sheet.itemId, sheet.fiscalYear);
  return presentSheet(sheet, item, plan, itemDepartmentIds, policies.canEditSheetIn(auth, sheet.status), indicators);
}

export async function sheetHistory(db: Executor, auth: AuthContext, sheetId: string) {
  const { itemDepartmentIds } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const entries = await listAuditForEntity(db, auth.municipalityId, "evaluation_sheet", sheetId);
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  return presentSheetHistory(entries, await usersRepo.displayNamesOf(db, auth.municipalityId, actorIds));
}
