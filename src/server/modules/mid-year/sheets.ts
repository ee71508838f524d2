/** Reading the mid-year report's progress sheets: a year's list (each caller's own) and one sheet. */
import { compareCodes } from "../../../domain/plan-items.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { itemOfYear, yearStructure } from "../evaluations/year-structure.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentMidYearListRow, presentMidYearSheet } from "./presenter.js";
import * as repo from "./repository.js";

export async function listMidYearSheets(
  db: Executor,
  auth: AuthContext,
  planId: string,
  fiscalYear: number,
  opts: { status?: string },
) {
  policies.readPlans(auth);
  await loadPlanOr404(db, auth, planId);
  const round = await repo.findRound(db, auth.municipalityId, planId, fiscalYear);
  if (!round) return [];
  const sheets = await repo.listSheetsOfRound(db, auth.municipalityId, round.id);
  const structure = await yearStructure(db, auth.municipalityId, planId, fiscalYear);
  return sheets
    .filter((s) => policies.canSeeMidYearSheet(auth, structure.departmentsOf(s.itemId)))
    .filter((s) => !opts.status || s.status === opts.status)
    .map((s) => presentMidYearListRow(s, structure.itemOf(s.itemId), structure.departmentsOf(s.itemId)))
    .sort((a, b) => compareCodes(a.item?.code ?? "", b.item?.code ?? ""));
}

/** The sheet with its item and the item's departments in the structure its year is evaluated under. */
export async function loadMidYearSheet(tx: Executor, auth: AuthContext, sheetId: string) {
  const sheet = await repo.findSheet(tx, auth.municipalityId, sheetId);
  if (!sheet) throw notFound("中間報告の進捗シート");
  const year = await itemOfYear(tx, auth.municipalityId, sheet.planId, sheet.fiscalYear, sheet.itemId);
  return { sheet, item: year.item, itemDepartmentIds: year.departmentIds, planTitle: year.plan?.title ?? null };
}

export async function getMidYearSheet(db: Executor, auth: AuthContext, sheetId: string) {
  const { sheet, item, itemDepartmentIds, planTitle } = await loadMidYearSheet(db, auth, sheetId);
  policies.readMidYearSheet(auth, itemDepartmentIds);
  const plan = await loadPlanOr404(db, auth, sheet.planId);
  const round = await repo.findRound(db, auth.municipalityId, sheet.planId, sheet.fiscalYear);
  const indicators = await repo.indicatorsOfItems(db, auth.municipalityId, [sheet.itemId]);
  return presentMidYearSheet(sheet, {
    item,
    planTitle: planTitle ?? plan.title,
    departmentIds: itemDepartmentIds,
    indicators,
    editable: policies.canEditMidYearSheetIn(auth, sheet.status),
    roundClosed: round?.status === "closed",
  });
}
