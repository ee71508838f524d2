/**
 * Yearly evaluation rounds: opening a year creates the sheets of the projects of the revision in force, with last
 * year's targets carried forward and its results as 前年度の実施状況.
 */
import type { Db, Executor } from "../../db/client.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import { frozenItemDepartments, frozenItems } from "../revisions/frozen-views.js";
import { resolveStructure } from "../revisions/in-force.js";
import * as revisionsRepo from "../revisions/repository.js";
import { ensureBaseline } from "../revisions/service.js";
import * as usersRepo from "../users/repository.js";
import * as deadlinesRepo from "./deadlines-repository.js";
import * as repo from "./repository.js";
import { actorsOfRounds, presentRound, type RoundDto } from "./round-presenter.js";
import { isProjectLevel } from "./service.js";

export async function openRound(
  db: Db,
  actor: RequestActor,
  planId: string,
  fiscalYear: number,
  deadlines: { submissionDue?: string | null; confirmationDue?: string | null } = {},
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanOr404(tx, actor, planId);
    if (fiscalYear < plan.startFiscalYear || fiscalYear > plan.endFiscalYear) {
      throw new ValidationError([{ field: "fiscalYear", message: "計画期間外の年度です" }]);
    }
    if (await repo.findRound(tx, actor.municipalityId, planId, fiscalYear))
      throw conflict("この年度の評価は既に開始しています");
    // the year is evaluated under the structure in force now: the first year freezes the plan as 第1版（策定時）
    await ensureBaseline(tx, actor, planId);
    const round = await repo.insertRound(tx, actor.municipalityId, planId, fiscalYear, deadlines);
    // the sheets are those of the revision in force, not of a draft being prepared
    const { items, itemDepts } = await inForceItems(tx, actor.municipalityId, planId);
    // Carry last year's targets forward and its results into 前年度の実施状況, as departments do by hand today.
    const previous = await repo.findRound(tx, actor.municipalityId, planId, fiscalYear - 1);
    const prevSheets = previous ? await repo.listSheetsOfRound(tx, actor.municipalityId, previous.id) : [];
    const prevByItem = new Map(prevSheets.map((s) => [s.itemId, s]));
    const names = new Map((await departmentsRepo.listDepartments(tx, actor.municipalityId)).map((d) => [d.id, d.name]));
    const sheets = await repo.insertSheets(
      tx,
      items
        .filter((i) => isProjectLevel(plan, i.level))
        .map((i) => {
          const prev = prevByItem.get(i.id);
          return {
            municipalityId: actor.municipalityId,
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
    await recordPlanChange(tx, actor, planId, {
      action: "open_evaluation",
      entityType: "evaluation_round",
      entityId: round.id,
      after: {
        planId,
        fiscalYear,
        sheets: sheets.length,
        submissionDue: round.submissionDue,
        confirmationDue: round.confirmationDue,
      },
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
  return presentRounds(db, auth.municipalityId, planId, rounds);
}

/** Rounds with the names of who closed or reopened them and the revision each closed year is shown under. */
async function presentRounds(db: Executor, municipalityId: string, planId: string, rounds: repo.RoundRow[]) {
  const names = await usersRepo.displayNamesOf(db, municipalityId, actorsOfRounds(rounds));
  const revisions = rounds.some((r) => r.closedRevisionId)
    ? new Map((await revisionsRepo.listRevisions(db, municipalityId, planId)).map((r) => [r.id, r]))
    : new Map();
  const overrides = await deadlinesRepo.departmentDeadlinesOf(
    db,
    municipalityId,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) =>
    presentRound(
      r,
      names,
      revisions,
      overrides.filter((o) => o.roundId === r.id),
    ),
  );
}

export async function roundWithNames(db: Executor, municipalityId: string, round: repo.RoundRow) {
  const [shown] = await presentRounds(db, municipalityId, round.planId, [round]);
  return shown as RoundDto;
}
