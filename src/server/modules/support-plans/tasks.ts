import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, forbidden, notFound } from "../../platform/errors.js";
import { agencyMap } from "../agencies/service.js";
import { type VisibleCase, withCase } from "../cases/access.js";
import { planNotFound } from "./plan-writes.js";
import { presentTask } from "./presenter.js";
import * as repo from "./repository.js";
import type { RespondTaskInput } from "./schema.js";

/**
 * The agencies' side of a plan: an agency answers its own tasks (accepts, or declines with a reason) and records
 * them done. Another agency's task is visible but not its to answer (403). A superseded plan's tasks are history.
 */

async function withTask<T>(
  db: Db,
  actor: RequestActor,
  ids: { caseId: string; planId: string; taskId: string },
  action: string,
  work: (tx: Executor, task: repo.TaskRow, plan: repo.PlanRow, visible: VisibleCase) => Promise<T>,
) {
  return withCase(
    db,
    actor,
    ids.caseId,
    action,
    async (tx, visible) => {
      const plan = await repo.findPlan(tx, actor.municipalityId, ids.caseId, ids.planId);
      if (!plan) throw planNotFound();
      const task = await repo.findTask(tx, actor.municipalityId, plan.id, ids.taskId);
      if (!task) throw notFound("タスク");
      if (plan.status === "superseded") throw conflict("過去の版のタスクは変更できません");
      if (visible.c.phase === "closed") throw conflict("終結したケースのタスクは変更できません");
      return work(tx, task, plan, visible);
    },
    { personal: true },
  );
}

async function answer(tx: Executor, actor: RequestActor, task: repo.TaskRow) {
  return presentTask(task, await agencyMap(tx, actor.municipalityId), todayInJapan(), actor.agencyId);
}

/** The task's own agency accepts or declines it (the latest answer counts; each is an audit record). */
export function respondTask(
  db: Db,
  actor: RequestActor,
  ids: { caseId: string; planId: string; taskId: string },
  input: RespondTaskInput,
) {
  return withTask(db, actor, ids, "task_respond", async (tx, task, plan, { disclosure }) => {
    if (task.agencyId !== actor.agencyId) throw forbidden();
    const reason = input.response === "declined" ? input.reason : null;
    const row = await repo.updateTask(tx, actor.municipalityId, task.id, {
      response: input.response,
      reason,
      respondedBy: actor.userId,
      respondedAt: new Date(),
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "respond",
      entityType: "support_plan_task",
      entityId: task.id,
      basis: disclosure as string,
      before: { response: task.response },
      after: { caseId: ids.caseId, plan: plan.number, response: input.response, reason },
    });
    return answer(tx, actor, row);
  });
}

/**
 * Records an approved plan's task as done: its own agency, the coordinators or the lead agency. A declined task is
 * nobody's to carry out.
 */
export function completeTask(
  db: Db,
  actor: RequestActor,
  ids: { caseId: string; planId: string; taskId: string },
  doneOn: string,
) {
  return withTask(db, actor, ids, "task_done", async (tx, task, plan, { basis, disclosure }) => {
    if (task.agencyId !== actor.agencyId && basis === "team") throw forbidden();
    if (plan.status !== "approved") throw conflict("承認されたプランのタスクだけ完了にできます");
    if (task.response === "declined") throw conflict("辞退されたタスクは完了にできません");
    const row = await repo.updateTask(tx, actor.municipalityId, task.id, { doneOn });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "complete",
      entityType: "support_plan_task",
      entityId: task.id,
      basis: disclosure as string,
      before: { doneOn: task.doneOn },
      after: { caseId: ids.caseId, plan: plan.number, doneOn },
    });
    return answer(tx, actor, row);
  });
}
