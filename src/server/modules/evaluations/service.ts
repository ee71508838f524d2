/** Reading evaluations: the sheets of a year, one sheet with its indicators, a sheet's history. */
import { compareCodes, evaluationLevelOf } from "../../../domain/plan-items.js";
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
import { isYearClosed } from "./year-lock.js";
import { yearStructure } from "./year-structure.js";

export interface EvaluatedPlan {
  levelNames: string[];
  /** plans.evaluation_level: the level that gets the yearly sheets; null = the last level */
  evaluationLevel: number | null;
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

export async function getSheet(db: Executor, auth: AuthContext, sheetId: string) {
  const { sheet, item, itemDepartmentIds, settings } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const plan = await planOfSheet(db, auth, sheet, settings);
  const indicators = await indicatorsOfSheet(db, plan, sheet.itemId, sheet.fiscalYear);
  const closed = await isYearClosed(db, auth.municipalityId, sheet.planId, sheet.fiscalYear);
  const editable = policies.canEditSheetIn(auth, sheet.status);
  return presentSheet(sheet, item, plan, itemDepartmentIds, editable, indicators, closed);
}

export async function sheetHistory(db: Executor, auth: AuthContext, sheetId: string) {
  const { itemDepartmentIds } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const entries = await listAuditForEntity(db, auth.municipalityId, "evaluation_sheet", sheetId);
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  return presentSheetHistory(entries, await usersRepo.displayNamesOf(db, auth.municipalityId, actorIds));
}
