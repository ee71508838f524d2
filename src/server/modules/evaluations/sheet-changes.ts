/**
 * Changes to a sheet: save, submit (draft → submitted), accept and return (the plan office's review). Each is one
 * transaction with If-Match, the audit record of the change, and the plan's version bumped.
 */
import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import { indicatorsOfSheet } from "../indicators/service.js";
import { sheetReviewed } from "../notices/events.js";
import { recordPlanChange } from "../plans/plan-change.js";
import type * as plansRepo from "../plans/repository.js";
import { presentSheet, type SheetIndicators } from "./presenter.js";
import * as repo from "./repository.js";
import { SHEET_FIELDS, type SheetFieldsInput } from "./schema.js";
import { loadSheetForCaller, planOfSheet } from "./sheet-access.js";
import { assertYearOpen } from "./year-lock.js";

async function departmentNamesOf(tx: Executor, municipalityId: string, ids: string[]) {
  const all = await departmentsRepo.listDepartments(tx, municipalityId);
  const byId = new Map(all.map((d) => [d.id, d.name]));
  return ids.map((id) => byId.get(id) ?? "");
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

/** One change of a sheet: its audit action, who may make it (a policy), and the values it writes. */
interface SheetChange {
  action: string;
  authorize: (actor: RequestActor, itemDepartmentIds: string[]) => void;
  decide: (sheet: repo.SheetRow, plan: plansRepo.PlanRow, suggestion: Suggestion) => Partial<repo.SheetRow>;
  /** the notice the change sends the sheet's departments, in its transaction */
  notice?: "sheet_returned" | "sheet_accepted";
}

async function changeSheet(db: Db, actor: RequestActor, sheetId: string, version: number, change: SheetChange) {
  return db.transaction(async (tx) => {
    const { sheet, item, itemDepartmentIds, settings } = await loadSheetForCaller(tx, actor, sheetId);
    change.authorize(actor, itemDepartmentIds);
    const plan = await planOfSheet(tx, actor, sheet, settings);
    await assertYearOpen(tx, actor.municipalityId, sheet.planId, sheet.fiscalYear);
    if (sheet.version !== version) throw staleVersion(sheet.version);
    // read before this transaction writes anything; not cached from inside the transaction
    const indicators = await indicatorsOfSheet(tx, plan, sheet.itemId, sheet.fiscalYear, { store: false });
    const values = change.decide(sheet, plan, indicators.suggestedGrade);
    const departmentNames = await departmentNamesOf(tx, actor.municipalityId, itemDepartmentIds);
    const after = await repo.updateSheet(tx, actor.municipalityId, sheetId, version, {
      ...values,
      departmentNames,
      updatedBy: actor.userId,
    });
    if (!after) throw staleVersion(sheet.version);
    await recordPlanChange(tx, actor, sheet.planId, {
      action: change.action,
      entityType: "evaluation_sheet",
      entityId: sheetId,
      before: snapshot(sheet),
      after: snapshot(after),
    });
    if (change.notice) {
      await sheetReviewed(tx, actor.municipalityId, change.notice, after, item?.code ?? null, itemDepartmentIds);
    }
    return presentSheet(after, item, plan, itemDepartmentIds, policies.canEditSheetIn(actor, after.status), indicators);
  });
}

/** What the history shows: the fields users write plus status and review comment. */
function snapshot(s: repo.SheetRow) {
  const out: Record<string, unknown> = { status: s.status, reviewComment: s.reviewComment };
  if (s.notEvaluatedReason !== null) out.notEvaluatedReason = s.notEvaluatedReason;
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

export function saveSheet(db: Db, actor: RequestActor, sheetId: string, version: number, input: SheetFieldsInput) {
  return changeSheet(db, actor, sheetId, version, {
    action: "update",
    decide: (sheet, plan, suggestion) => {
      if (!policies.canEditSheetIn(actor, sheet.status)) {
        throw new AppError(409, "locked", "提出済みの評価表は編集できません。計画所管課に差し戻しを依頼してください。");
      }
      const values = fieldValues(input, sheet, plan, suggestion);
      if (sheet.status === "not_started") values.status = "draft";
      return values;
    },
    authorize: policies.editSheet,
  });
}

/**
 * Submit, with the fields on screen (if any) saved in the same step: the fields and the submission are checked
 * together and written in one transaction, so a refused submission leaves the sheet exactly as it was.
 */
export function submitSheet(
  db: Db,
  actor: RequestActor,
  sheetId: string,
  version: number,
  input: Partial<SheetFieldsInput> = {},
) {
  return changeSheet(db, actor, sheetId, version, {
    action: "submit",
    decide: (sheet, plan, suggestion) => {
      if (sheet.status === "submitted" || sheet.status === "accepted")
        throw conflict("この評価表は既に提出されています");
      if (sheet.status === "not_evaluated") {
        throw conflict(
          "この評価表は計画所管課が未評価としています。提出するには計画所管課に差し戻しを依頼してください",
        );
      }
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
    authorize: policies.editSheet,
  });
}

export function acceptSheet(db: Db, actor: RequestActor, sheetId: string, version: number) {
  return changeSheet(db, actor, sheetId, version, {
    action: "accept",
    decide: (sheet) => {
      if (sheet.status !== "submitted") throw conflict("提出済みの評価表だけを承認できます");
      return { status: "accepted", reviewComment: null };
    },
    authorize: policies.reviewSheet,
    notice: "sheet_accepted",
  });
}

export function returnSheet(db: Db, actor: RequestActor, sheetId: string, version: number, comment: string) {
  return changeSheet(db, actor, sheetId, version, {
    action: "return",
    decide: (sheet) => {
      if (sheet.status !== "submitted" && sheet.status !== "accepted" && sheet.status !== "not_evaluated") {
        throw conflict("提出済み・承認済み・未評価の評価表だけを差し戻せます");
      }
      return { status: "returned", reviewComment: comment, notEvaluatedReason: null };
    },
    authorize: policies.reviewSheet,
    notice: "sheet_returned",
  });
}

/**
 * The plan office leaves a project 未評価 for the year, with its reason (the project was not carried out, or its
 * sheet cannot be completed): the year can then be closed without the sheet. Returning the sheet undoes it.
 */
export function markNotEvaluated(db: Db, actor: RequestActor, sheetId: string, version: number, reason: string) {
  return changeSheet(db, actor, sheetId, version, {
    action: "not_evaluated",
    decide: (sheet) => {
      if (sheet.status === "accepted") throw conflict("承認済みの評価表は未評価にできません。先に差し戻してください");
      return { status: "not_evaluated", notEvaluatedReason: reason };
    },
    authorize: policies.reviewSheet,
  });
}
