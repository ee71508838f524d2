/**
 * Mid-year rounds (中間報告): the plan office opens one per plan and fiscal year, independent of the yearly
 * evaluation; opening creates a progress sheet for every project of the structure the year is evaluated under.
 * Closing freezes the sheets: the report then shows them as they stood.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Db, Executor } from "../../db/client.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, notFound, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import { isProjectLevel } from "../evaluations/service.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import { frozenItemDepartments, frozenItems } from "../revisions/frozen-views.js";
import { resolveStructure } from "../revisions/in-force.js";
import { ensureBaseline } from "../revisions/service.js";
import { presentMidYearRound } from "./presenter.js";
import * as repo from "./repository.js";

export async function openMidYearRound(db: Db, actor: RequestActor, planId: string, fiscalYear: number) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanOr404(tx, actor, planId);
    if (fiscalYear < plan.startFiscalYear || fiscalYear > plan.endFiscalYear) {
      throw new ValidationError([{ field: "fiscalYear", message: "計画期間外の年度です" }]);
    }
    if (await repo.findRound(tx, actor.municipalityId, planId, fiscalYear)) {
      throw conflict(`${formatFiscalYear(fiscalYear)}の中間報告は既に開始しています`);
    }
    // the sheets are those of the structure the year is evaluated under (a plan never approved gets its 第1版 now)
    await ensureBaseline(tx, actor, planId);
    const { frozen } = await resolveStructure(tx, actor.municipalityId, planId, { fiscalYear });
    if (!frozen) throw new Error("a plan with a frozen baseline has an approved revision");
    const round = await repo.insertRound(tx, actor.municipalityId, planId, fiscalYear);
    const itemDepts = frozenItemDepartments(frozen.snapshot);
    const names = new Map((await departmentsRepo.listDepartments(tx, actor.municipalityId)).map((d) => [d.id, d.name]));
    const levelPlan = { ...plan, levelNames: frozen.snapshot.plan.levelNames };
    const sheets = await repo.insertSheets(
      tx,
      frozenItems(frozen.snapshot)
        .filter((i) => isProjectLevel(levelPlan, i.level))
        .map((i) => ({
          municipalityId: actor.municipalityId,
          roundId: round.id,
          planId,
          fiscalYear,
          itemId: i.id,
          departmentNames: itemDepts.filter((d) => d.itemId === i.id).map((d) => names.get(d.departmentId) ?? ""),
        })),
    );
    await recordPlanChange(tx, actor, planId, {
      action: "open_mid_year",
      entityType: "mid_year_round",
      entityId: round.id,
      after: { planId, fiscalYear, sheets: sheets.length },
    });
    return presentMidYearRound(round, sheets.length);
  });
}

export async function listMidYearRounds(db: Executor, auth: AuthContext, planId: string) {
  policies.readPlans(auth);
  await loadPlanOr404(db, auth, planId);
  const rounds = await repo.listRounds(db, auth.municipalityId, planId);
  const out = [];
  for (const r of rounds)
    out.push(presentMidYearRound(r, (await repo.listSheetsOfRound(db, auth.municipalityId, r.id)).length));
  return out;
}

/**
 * Closing: the plan office first answers every submitted sheet (accept or return), so the report never shows a
 * submission nobody looked at; sheets never handed in stay 未提出 and the report lists them.
 */
export async function closeMidYearRound(db: Db, actor: RequestActor, planId: string, fiscalYear: number) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    const found = await repo.findRound(tx, actor.municipalityId, planId, fiscalYear);
    if (!found) throw notFound(`${formatFiscalYear(fiscalYear)}の中間報告`);
    const round = await repo.lockRound(tx, actor.municipalityId, found.id, "update");
    if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の中間報告`);
    if (round.status === "closed") throw conflict(`${formatFiscalYear(fiscalYear)}の中間報告は既に締め切られています`);
    const sheets = await repo.listSheetsOfRound(tx, actor.municipalityId, round.id);
    const waiting = sheets.filter((s) => s.status === "submitted");
    if (waiting.length) {
      throw new AppError(
        409,
        "sheets_waiting",
        `確認待ちの進捗シートが${waiting.length}件あるため、中間報告を締め切れません。確認するか差し戻してください`,
        { waitingSheetIds: waiting.map((s) => s.id) },
      );
    }
    const closed = await repo.closeRound(tx, actor.municipalityId, round.id, actor.userId);
    if (!closed) throw new Error("a locked round disappeared");
    await recordPlanChange(tx, actor, planId, {
      action: "close_mid_year",
      entityType: "mid_year_round",
      entityId: round.id,
      before: { status: round.status },
      after: {
        status: closed.status,
        fiscalYear,
        accepted: sheets.filter((s) => s.status === "accepted").length,
        unsubmitted: sheets.filter((s) => s.status !== "accepted").length,
      },
    });
    return presentMidYearRound(closed, sheets.length);
  });
}
