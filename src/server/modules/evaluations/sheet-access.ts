/** One sheet as the caller's year shows it: the sheet, its item and owners, and the plan's settings of that year. */
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { loadPlanOr404 } from "../plans/service.js";
import * as repo from "./repository.js";
import { itemOfYear, type PlanSettings } from "./year-structure.js";

/** The sheet with its item and the item's departments as in the revision the year is evaluated under. */
export async function loadSheetForCaller(tx: Executor, auth: AuthContext, sheetId: string) {
  const sheet = await repo.findSheet(tx, auth.municipalityId, sheetId);
  if (!sheet) throw notFound("評価表");
  const year = await itemOfYear(tx, auth.municipalityId, sheet.planId, sheet.fiscalYear, sheet.itemId);
  return { sheet, item: year.item, itemDepartmentIds: year.departmentIds, settings: year.plan };
}

/** The plan with the settings (title, levels, grade scale) of the revision the sheet's year is evaluated under. */
export async function planOfSheet(
  db: Executor,
  auth: AuthContext,
  sheet: repo.SheetRow,
  settings: PlanSettings | null,
) {
  const plan = await loadPlanOr404(db, auth, sheet.planId);
  return settings ? { ...plan, ...settings } : plan;
}
