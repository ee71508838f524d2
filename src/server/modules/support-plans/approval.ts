import type { PlanKind } from "../../../domain/labels/support-plans.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { staleVersion, ValidationError } from "../../platform/errors.js";
import { tasksAssigned } from "../notices/events.js";
import { checkApprovalMeeting } from "./meeting-check.js";
import { answerPlan, checkKind, draftAt, managePlan } from "./plan-writes.js";
import * as repo from "./repository.js";
import type { ApprovePlanInput } from "./schema.js";

/**
 * Approves a draft at a meeting (checkApprovalMeeting): the plan is frozen and the plan in force before it
 * superseded. It needs 本人の思い and a goal; a support plan also the person's consent.
 */
export function approvePlan(
  db: Db,
  actor: RequestActor,
  caseId: string,
  planId: string,
  version: number,
  input: ApprovePlanInput,
) {
  return managePlan(db, actor, caseId, "plan_approve", async (tx, { c, disclosure }) => {
    const plan = await draftAt(tx, actor, caseId, planId, version);
    const kind = plan.kind as PlanKind;
    checkKind(kind, c.consent, "(body)");
    const { goals, tasks } = await repo.contentOf(tx, actor.municipalityId, [planId]);
    const missing = [
      ...(plan.wishes.trim() ? [] : [{ field: "wishes", message: "本人の思いを入力してから承認してください" }]),
      ...(goals.length ? [] : [{ field: "goals", message: "目標を1つ以上入力してから承認してください" }]),
    ];
    if (missing.length) throw new ValidationError(missing);
    await checkApprovalMeeting(tx, actor, { caseId, kind, meetingId: input.meetingId, approvedOn: input.approvedOn });
    const inForce = (await repo.listPlans(tx, actor.municipalityId, caseId)).filter((p) => p.status === "approved");
    for (const old of inForce)
      await repo.updatePlan(tx, actor.municipalityId, old.id, old.version, { status: "superseded" });
    const approved = await repo.updatePlan(tx, actor.municipalityId, planId, version, {
      status: "approved",
      approvedOn: input.approvedOn,
      approvedMeetingId: input.meetingId,
      approvedBy: actor.userId,
    });
    if (!approved) throw staleVersion(plan.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "approve",
      entityType: "support_plan",
      entityId: planId,
      basis: disclosure as string,
      after: {
        number: plan.number,
        kind,
        approvedOn: input.approvedOn,
        meetingId: input.meetingId,
        superseded: inForce.map((p) => p.number),
      },
    });
    // the plan's tasks are now the agencies' to answer: each task's agency is told (お知らせ, and mail where on)
    await tasksAssigned(tx, actor.municipalityId, caseId, tasks);
    return answerPlan(tx, actor, approved);
  });
}
