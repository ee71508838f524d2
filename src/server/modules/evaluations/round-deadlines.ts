/**
 * A round's deadlines, changed by the plan office after the year is opened: 提出期限, 確認期限 and a department's own
 * 提出期限 where it differs. If-Match on the round's version; the change is audited with what it was before.
 */
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import * as deadlinesRepo from "./deadlines-repository.js";
import * as repo from "./repository.js";
import { roundWithNames } from "./rounds.js";
import type { RoundDeadlinesInput } from "./schema.js";

export async function setRoundDeadlines(
  db: Db,
  actor: RequestActor,
  planId: string,
  fiscalYear: number,
  version: number,
  input: RoundDeadlinesInput,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    const round = await repo.findRound(tx, actor.municipalityId, planId, fiscalYear);
    if (!round) throw notFound("評価の年度");
    if (round.status === "closed") throw conflict("締めた年度の期限は変更できません");
    if (round.version !== version) throw staleVersion(round.version);
    const known = new Set((await departmentsRepo.listDepartments(tx, actor.municipalityId)).map((d) => d.id));
    if (input.departments?.some((d) => !known.has(d.departmentId))) {
      throw new ValidationError([{ field: "departments", message: "課が見つかりません" }]);
    }
    const beforeDepartments = await deadlinesRepo.departmentDeadlinesOf(tx, actor.municipalityId, [round.id]);
    // a field left out keeps its day; null clears it
    const values = {
      submissionDue: input.submissionDue !== undefined ? input.submissionDue : round.submissionDue,
      confirmationDue: input.confirmationDue !== undefined ? input.confirmationDue : round.confirmationDue,
    };
    if (values.submissionDue && values.confirmationDue && values.confirmationDue < values.submissionDue) {
      throw new ValidationError([{ field: "confirmationDue", message: "確認期限は提出期限の日以降にしてください" }]);
    }
    const after = await deadlinesRepo.updateRoundDeadlines(tx, actor.municipalityId, round.id, version, values);
    if (!after) throw staleVersion(round.version);
    if (input.departments) {
      await deadlinesRepo.replaceDepartmentDeadlines(tx, actor.municipalityId, round.id, input.departments);
    }
    const perDepartment = (rows: { departmentId: string; submissionDue: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.departmentId, r.submissionDue]));
    await recordPlanChange(tx, actor, planId, {
      action: "round_deadlines",
      entityType: "evaluation_round",
      entityId: round.id,
      before: { ...pick(round), departments: perDepartment(beforeDepartments) },
      after: { ...values, departments: perDepartment(input.departments ?? beforeDepartments) },
    });
    return roundWithNames(tx, actor.municipalityId, after);
  });
}

const pick = (r: repo.RoundRow) => ({ submissionDue: r.submissionDue, confirmationDue: r.confirmationDue });
