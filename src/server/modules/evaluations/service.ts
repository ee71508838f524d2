import { compareCodes, evaluationLevelOf } from "../../../domain/plan-items.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, listAuditForEntity, recordAudit } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { AppError, conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import { indicatorsOfSheet } from "../indicators/service.js";
import * as plansRepo from "../plans/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { frozenItemDepartments, frozenItems } from "../revisions/frozen-views.js";
import { resolveStructure } from "../revisions/in-force.js";
import { ensureBaseline } from "../revisions/service.js";
import * as usersRepo from "../users/repository.js";
import { presentSheet, presentSheetHistory, presentSheetListRow, type SheetIndicators } from "./presenter.js";
import * as repo from "./repository.js";
import { SHEET_FIELDS, type SheetFieldsInput, type SheetStatus } from "./schema.js";
import { itemOfYear, type PlanSettings, yearStructure } from "./year-structure.js";

export interface EvaluatedPlan {
  levelNames: string[];
  /** plans.evaluation_level: the level that gets the yearly sheets; null = the last level */
  evaluationLevel: number | null;
}

/** The items that get an evaluation sheet: those at the plan's evaluation level. Deeper levels get none. */
export function isProjectLevel(plan: EvaluatedPlan, level: number) {
  return level === evaluationLevelOf(plan);
}

async function departmentNamesOf(tx: Executor, municipalityId: string, ids: string[]) {
  const all = await departmentsRepo.listDepartments(tx, municipalityId);
  const byId = new Map(all.map((d) => [d.id, d.name]));
  return ids.map((id) => byId.get(id) ?? "");
}

export async function openRound(db: Db, auth: AuthContext, ip: string, planId: string, fiscalYear: number) {
  policies.managePlans(auth);
  return db.transaction(async (tx) => {
    const plan = await loadPlanOr404(tx, auth, planId);
    if (fiscalYear < plan.startFiscalYear || fiscalYear > plan.endFiscalYear) {
      throw new ValidationError([{ field: "fiscalYear", message: "計画期間外の年度です" }]);
    }
    if (await repo.findRound(tx, auth.municipalityId, planId, fiscalYear))
      throw conflict("この年度の評価は既に開始しています");
    // the year is evaluated under the structure in force now: the first year freezes the plan as 第1版（策定時）
    await ensureBaseline(tx, auth, ip, planId);
    const round = await repo.insertRound(tx, auth.municipalityId, planId, fiscalYear);
    // the sheets are those of the revision in force, not of a draft being prepared
    const { items, itemDepts } = await inForceItems(tx, auth.municipalityId, planId);
    // Carry last year's targets forward and its results into 前年度の実施状況, as departments do by hand today.
    const previous = await repo.findRound(tx, auth.municipalityId, planId, fiscalYear - 1);
    const prevSheets = previous ? await repo.listSheetsOfRound(tx, auth.municipalityId, previous.id) : [];
    const prevByItem = new Map(prevSheets.map((s) => [s.itemId, s]));
    const names = new Map((await departmentsRepo.listDepartments(tx, auth.municipalityId)).map((d) => [d.id, d.name]));
    const sheets = await repo.insertSheets(
      tx,
      items
        .filter((i) => isProjectLevel(plan, i.level))
        .map((i) => {
          const prev = prevByItem.get(i.id);
          return {
            municipalityId: auth.municipalityId,
            roundId: round.id,
            planId,
            fiscalYear,
            itemId: i.id,
            previousStatus: prev?.results ?? null,
            targetFirst: prev?.targetFirst ?? null,
            targetSecond: prev?.targetSecond ?? null,
            departmentNames: itemDepts.filter((d) => d.itemId === i.id).map((d) => names.get(d.departmentId) ?? ""),
          };
        }),
    );
    await plansRepo.touchPlan(tx, auth.municipalityId, planId);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "open_evaluation",
      entityType: "evaluation_round",
      entityId: round.id,
      after: { planId, fiscalYear, sheets: sheets.length },
    });
    return { id: round.id, fiscalYear, status: round.status, sheets: sheets.length };
  });
}

/** The items and item departments of the revision in force (the baseline is frozen by now). */
async function inForceItems(tx: Executor, municipalityId: string, planId: string) {
  const { frozen } = await resolveStructure(tx, municipalityId, planId, "in_force");
  if (!frozen) throw new Error("a plan with an evaluation round has an approved revision");
  return { items: frozenItems(frozen.snapshot), itemDepts: frozenItemDepartments(frozen.snapshot) };
}

export async function listRounds(db: Executor, auth: AuthContext, planId: string) {
  await loadPlanOr404(db, auth, planId);
  const rounds = await repo.listRounds(db, auth.municipalityId, planId);
  return rounds.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscalYear,
    status: r.status,
    openedAt: r.openedAt.toISOString(),
  }));
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
  const mineOnly = opts.mine || auth.role === "department_editor";
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

/** The sheet with its item and the item's departments as in the revision the year is evaluated under. */
async function loadSheetForCaller(tx: Executor, auth: AuthContext, sheetId: string) {
  const sheet = await repo.findSheet(tx, auth.municipalityId, sheetId);
  if (!sheet) throw notFound("評価表");
  const year = await itemOfYear(tx, auth.municipalityId, sheet.planId, sheet.fiscalYear, sheet.itemId);
  return { sheet, item: year.item, itemDepartmentIds: year.departmentIds, settings: year.plan };
}

/** The plan with the settings (title, levels, grade scale) of the revision the sheet's year is evaluated under. */
async function planOfSheet(db: Executor, auth: AuthContext, sheet: repo.SheetRow, settings: PlanSettings | null) {
  const plan = await loadPlanOr404(db, auth, sheet.planId);
  return settings ? { ...plan, ...settings } : plan;
}

export async function getSheet(db: Executor, auth: AuthContext, sheetId: string) {
  const { sheet, item, itemDepartmentIds, settings } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const plan = await planOfSheet(db, auth, sheet, settings);
  const indicators = await indicatorsOfSheet(db, plan, sheet.itemId, sheet.fiscalYear);
  return presentSheet(sheet, item, plan, itemDepartmentIds, canEdit(auth, sheet.status as SheetStatus), indicators);
}

function canEdit(auth: AuthContext, status: SheetStatus) {
  if (auth.role === "viewer") return false;
  if (auth.role === "plan_office" || auth.role === "system_admin") return true;
  return status === "not_started" || status === "draft" || status === "returned";
}

type Suggestion = SheetIndicators["suggestedGrade"];

/**
 * A grade other than the one the indicators suggest needs a reason (when there is a suggestion at all): the grade
 * stays a human decision, but a different one is explained.
 */
function checkOverrideReason(grade: string | null, suggestion: Suggestion, reason: string | null) {
  if (!grade || !suggestion.grade || grade === suggestion.grade) return;
  if (reason && reason.trim() !== "") return;
  throw new ValidationError([
    {
      field: "gradeOverrideReason",
      message: `指標から提案された評価（${suggestion.grade}）と異なる評価（${grade}）にする場合は、その理由を入力してください`,
    },
  ]);
}

function checkGrade(grade: string | null | undefined, scale: { code: string }[]) {
  if (grade && !scale.some((g) => g.code === grade)) {
    throw new ValidationError([
      { field: "grade", message: `評価は ${scale.map((g) => g.code).join("・")} のいずれかを選んでください` },
    ]);
  }
}

async function changeSheet(
  db: Db,
  auth: AuthContext,
  ip: string,
  sheetId: string,
  version: number,
  action: string,
  decide: (sheet: repo.SheetRow, plan: plansRepo.PlanRow, suggestion: Suggestion) => Partial<repo.SheetRow>,
  authorize: (itemDepartmentIds: string[]) => void,
) {
  return db.transaction(async (tx) => {
    const { sheet, item, itemDepartmentIds, settings } = await loadSheetForCaller(tx, auth, sheetId);
    authorize(itemDepartmentIds);
    const plan = await planOfSheet(tx, auth, sheet, settings);
    if (sheet.version !== version) throw staleVersion(sheet.version);
    // read before this transaction writes anything; not cached from inside the transaction
    const indicators = await indicatorsOfSheet(tx, plan, sheet.itemId, sheet.fiscalYear, { store: false });
    const values = decide(sheet, plan, indicators.suggestedGrade);
    const departmentNames = await departmentNamesOf(tx, auth.municipalityId, itemDepartmentIds);
    const after = await repo.updateSheet(tx, auth.municipalityId, sheetId, version, {
      ...values,
      departmentNames,
      updatedBy: auth.userId,
    });
    if (!after) throw staleVersion(sheet.version);
    await plansRepo.touchPlan(tx, auth.municipalityId, sheet.planId);
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action,
      entityType: "evaluation_sheet",
      entityId: sheetId,
      before: snapshot(sheet),
      after: snapshot(after),
    });
    return presentSheet(after, item, plan, itemDepartmentIds, canEdit(auth, after.status as SheetStatus), indicators);
  });
}

/** What the history shows: the fields users write plus status and review comment. */
function snapshot(s: repo.SheetRow) {
  const out: Record<string, unknown> = { status: s.status, reviewComment: s.reviewComment };
  for (const f of SHEET_FIELDS) out[f] = s[f];
  if (s.gradeOverrideReason !== null) out.gradeOverrideReason = s.gradeOverrideReason;
  return out;
}

/**
 * The sheet's fields as this input would leave them (only fields present in the input change), checked against
 * the plan's grade scale and the indicators' suggestion. Throws before anything is written.
 */
function fieldValues(
  input: Partial<SheetFieldsInput>,
  sheet: repo.SheetRow,
  plan: plansRepo.PlanRow,
  suggestion: Suggestion,
): Partial<repo.SheetRow> {
  checkGrade(input.grade, plan.gradeScale);
  const values: Partial<repo.SheetRow> = {};
  for (const f of SHEET_FIELDS) {
    const v = input[f];
    if (v !== undefined) values[f] = v;
  }
  if (input.gradeOverrideReason !== undefined) values.gradeOverrideReason = input.gradeOverrideReason;
  if (input.grade !== undefined || input.gradeOverrideReason !== undefined) {
    const grade = input.grade !== undefined ? input.grade : sheet.grade;
    const reason = input.gradeOverrideReason !== undefined ? input.gradeOverrideReason : sheet.gradeOverrideReason;
    checkOverrideReason(grade, suggestion, reason);
    // a grade that agrees with the suggestion needs no reason: an earlier one would only mislead
    if (grade && grade === suggestion.grade) values.gradeOverrideReason = null;
  }
  return values;
}

export function saveSheet(
  db: Db,
  auth: AuthContext,
  ip: string,
  sheetId: string,
  version: number,
  input: SheetFieldsInput,
) {
  return changeSheet(
    db,
    auth,
    ip,
    sheetId,
    version,
    "update",
    (sheet, plan, suggestion) => {
      if (!canEdit(auth, sheet.status as SheetStatus)) {
        throw new AppError(409, "locked", "提出済みの評価表は編集できません。計画所管課に差し戻しを依頼してください。");
      }
      const values = fieldValues(input, sheet, plan, suggestion);
      if (sheet.status === "not_started") values.status = "draft";
      return values;
    },
    (depts) => policies.editSheet(auth, depts),
  );
}

/**
 * Submit, with the fields on screen (if any) saved in the same step: the fields and the submission are checked
 * together and written in one transaction, so a refused submission leaves the sheet exactly as it was.
 */
export function submitSheet(
  db: Db,
  auth: AuthContext,
  ip: string,
  sheetId: string,
  version: number,
  input: Partial<SheetFieldsInput> = {},
) {
  return changeSheet(
    db,
    auth,
    ip,
    sheetId,
    version,
    "submit",
    (sheet, plan, suggestion) => {
      if (sheet.status === "submitted" || sheet.status === "accepted")
        throw conflict("この評価表は既に提出されています");
      const values = fieldValues(input, sheet, plan, suggestion);
      const merged = { ...sheet, ...values };
      const missing: { field: string; message: string }[] = [];
      if (!merged.results) missing.push({ field: "results", message: "計画事業の実績等を入力してください" });
      if (!merged.grade) missing.push({ field: "grade", message: "評価を選んでください" });
      if (!merged.reason) missing.push({ field: "reason", message: "効果又は評価の理由を入力してください" });
      if (missing.length) throw new ValidationError(missing);
      // actuals entered since the grade was saved may have changed the suggestion
      checkOverrideReason(merged.grade, suggestion, merged.gradeOverrideReason);
      return { ...values, status: "submitted", submittedAt: new Date() };
    },
    (depts) => policies.editSheet(auth, depts),
  );
}

export function acceptSheet(db: Db, auth: AuthContext, ip: string, sheetId: string, version: number) {
  return changeSheet(
    db,
    auth,
    ip,
    sheetId,
    version,
    "accept",
    (sheet) => {
      if (sheet.status !== "submitted") throw conflict("提出済みの評価表だけを承認できます");
      return { status: "accepted", reviewComment: null };
    },
    (depts) => {
      policies.readSheet(auth, depts);
      policies.reviewSheets(auth);
    },
  );
}

export function returnSheet(db: Db, auth: AuthContext, ip: string, sheetId: string, version: number, comment: string) {
  return changeSheet(
    db,
    auth,
    ip,
    sheetId,
    version,
    "return",
    (sheet) => {
      if (sheet.status !== "submitted" && sheet.status !== "accepted") {
        throw conflict("提出済みまたは承認済みの評価表だけを差し戻せます");
      }
      return { status: "returned", reviewComment: comment };
    },
    (depts) => {
      policies.readSheet(auth, depts);
      policies.reviewSheets(auth);
    },
  );
}

export async function sheetHistory(db: Executor, auth: AuthContext, sheetId: string) {
  const { itemDepartmentIds } = await loadSheetForCaller(db, auth, sheetId);
  policies.readSheet(auth, itemDepartmentIds);
  const entries = await listAuditForEntity(db, auth.municipalityId, "evaluation_sheet", sheetId);
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  return presentSheetHistory(entries, await usersRepo.displayNamesOf(db, auth.municipalityId, actorIds));
}
