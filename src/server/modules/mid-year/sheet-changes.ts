/**
 * Changes to a progress sheet: save, submit (the department), accept and return with a reason (the plan office).
 * Each is one transaction: the round share-locked and still open, If-Match, the audit record, the plan's version moved.
 */
import { MID_YEAR_CLOSED_MESSAGE } from "../../../domain/labels/mid-year.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentMidYearSheet } from "./presenter.js";
import * as repo from "./repository.js";
import type { MidYearFieldsInput } from "./schema.js";
import { loadMidYearSheet } from "./sheets.js";

export const midYearClosed = () =>
  new AppError(409, "mid_year_closed", `${MID_YEAR_CLOSED_MESSAGE}。変更することはできません。`);

type Indicators = Awaited<ReturnType<typeof repo.indicatorsOfItems>>;

interface Change {
  action: string;
  authorize: (actor: RequestActor, itemDepartmentIds: string[]) => void;
  decide: (sheet: repo.MidYearSheetRow, indicators: Indicators) => Partial<repo.MidYearSheetRow>;
}

async function changeSheet(db: Db, actor: RequestActor, sheetId: string, version: number, change: Change) {
  return db.transaction(async (tx) => {
    const { sheet, item, itemDepartmentIds, planTitle } = await loadMidYearSheet(tx, actor, sheetId);
    change.authorize(actor, itemDepartmentIds);
    const round = await repo.lockRound(tx, actor.municipalityId, sheet.roundId, "share");
    if (round?.status === "closed") throw midYearClosed();
    if (sheet.version !== version) throw staleVersion(sheet.version);
    const indicators = await repo.indicatorsOfItems(tx, actor.municipalityId, [sheet.itemId]);
    const values = change.decide(sheet, indicators);
    const after = await repo.updateSheet(tx, actor.municipalityId, sheetId, version, {
      ...values,
      updatedBy: actor.userId,
    });
    if (!after) throw staleVersion(sheet.version);
    await recordPlanChange(tx, actor, sheet.planId, {
      action: change.action,
      entityType: "mid_year_sheet",
      entityId: sheetId,
      before: snapshot(sheet),
      after: snapshot(after),
    });
    const plan = await loadPlanOr404(tx, actor, sheet.planId);
    return presentMidYearSheet(after, {
      item,
      planTitle: planTitle ?? plan.title,
      departmentIds: itemDepartmentIds,
      indicators,
      editable: policies.canEditMidYearSheetIn(actor, after.status),
      roundClosed: false,
    });
  });
}

function snapshot(s: repo.MidYearSheetRow) {
  return {
    status: s.status,
    progress: s.progress,
    issues: s.issues,
    secondHalfPlan: s.secondHalfPlan,
    indicatorActuals: s.indicatorActuals,
    reviewComment: s.reviewComment,
  };
}

/** The fields as this input leaves them: only those present change; an indicator must be one of the item's. */
function fieldValues(input: Partial<MidYearFieldsInput>, sheet: repo.MidYearSheetRow, indicators: Indicators) {
  const values: Partial<repo.MidYearSheetRow> = {};
  if (input.progress !== undefined) values.progress = input.progress;
  if (input.issues !== undefined) values.issues = input.issues;
  if (input.secondHalfPlan !== undefined) values.secondHalfPlan = input.secondHalfPlan;
  if (input.indicatorActuals) {
    const known = new Set(indicators.map((i) => i.id));
    const unknown = Object.keys(input.indicatorActuals).filter((id) => !known.has(id));
    if (unknown.length) {
      throw new ValidationError([{ field: "indicatorActuals", message: "この項目の指標ではない指標が含まれています" }]);
    }
    const actuals = { ...sheet.indicatorActuals };
    for (const [id, text] of Object.entries(input.indicatorActuals)) {
      if (text === "") delete actuals[id];
      else actuals[id] = text;
    }
    values.indicatorActuals = actuals;
  }
  return values;
}

export function saveMidYearSheet(
  db: Db,
  actor: RequestActor,
  sheetId: string,
  version: number,
  input: MidYearFieldsInput,
) {
  return changeSheet(db, actor, sheetId, version, {
    action: "update",
    authorize: policies.editMidYearSheet,
    decide: (sheet, indicators) => {
      if (!policies.canEditMidYearSheetIn(actor, sheet.status)) {
        throw new AppError(
          409,
          "locked",
          "提出済みの進捗シートは編集できません。計画所管課に差し戻しを依頼してください。",
        );
      }
      const values = fieldValues(input, sheet, indicators);
      if (sheet.status === "not_started") values.status = "draft";
      return values;
    },
  });
}

/** Submit with the fields on screen (optional): checked and saved together, or nothing is saved. */
export function submitMidYearSheet(
  db: Db,
  actor: RequestActor,
  sheetId: string,
  version: number,
  input: Partial<MidYearFieldsInput> = {},
) {
  return changeSheet(db, actor, sheetId, version, {
    action: "submit",
    authorize: policies.editMidYearSheet,
    decide: (sheet, indicators) => {
      if (sheet.status === "submitted" || sheet.status === "accepted") {
        throw conflict("この進捗シートは既に提出されています");
      }
      const values = fieldValues(input, sheet, indicators);
      const merged = { ...sheet, ...values };
      const missing: { field: string; message: string }[] = [];
      if (!merged.progress) missing.push({ field: "progress", message: "進捗状況を選んでください" });
      if (!merged.secondHalfPlan) missing.push({ field: "secondHalfPlan", message: "下半期の予定を入力してください" });
      if (missing.length) throw new ValidationError(missing);
      return { ...values, status: "submitted", submittedAt: new Date() };
    },
  });
}

export function acceptMidYearSheet(db: Db, actor: RequestActor, sheetId: string, version: number) {
  return changeSheet(db, actor, sheetId, version, {
    action: "accept",
    authorize: policies.reviewMidYearSheet,
    decide: (sheet) => {
      if (sheet.status !== "submitted") throw conflict("提出済みの進捗シートだけを確認済にできます");
      return { status: "accepted", reviewComment: null };
    },
  });
}

export function returnMidYearSheet(db: Db, actor: RequestActor, sheetId: string, version: number, comment: string) {
  return changeSheet(db, actor, sheetId, version, {
    action: "return",
    authorize: policies.reviewMidYearSheet,
    decide: (sheet) => {
      if (sheet.status !== "submitted" && sheet.status !== "accepted") {
        throw conflict("提出済み・確認済みの進捗シートだけを差し戻せます");
      }
      return { status: "returned", reviewComment: comment };
    },
  });
}
