import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { withCase } from "../cases/access.js";
import { presentMonitoring } from "./presenter.js";
import * as repo from "./repository.js";
import type { MonitoringInput } from "./schema.js";

/**
 * A monitoring of the plan in force (the approved one): the progress of its goals and the next review. Recorded by
 * the coordinators or the lead agency; the final one is what the closure needs.
 */
export function recordMonitoring(db: Db, actor: RequestActor, caseId: string, input: MonitoringInput) {
  return withCase(
    db,
    actor,
    caseId,
    "monitoring",
    async (tx, { c, basis, disclosure }) => {
      policies.manageCase(basis);
      if (c.phase === "closed") throw conflict("終結したケースにはモニタリングを記録できません");
      const plan = (await repo.listPlans(tx, actor.municipalityId, caseId)).find((p) => p.status === "approved");
      if (!plan) throw conflict("承認されたプランがないため、モニタリングを記録できません");
      const { goals } = await repo.contentOf(tx, actor.municipalityId, [plan.id]);
      const goalIds = new Set(goals.map((g) => g.id));
      const problems = input.progress.flatMap((p, i) =>
        goalIds.has(p.goalId)
          ? []
          : [{ field: `progress.${i}.goalId`, message: "承認されたプランの目標を指定してください" }],
      );
      if (new Set(input.progress.map((p) => p.goalId)).size !== input.progress.length)
        problems.push({ field: "progress", message: "同じ目標が2回指定されています" });
      if (input.nextReviewOn !== null && input.nextReviewOn <= input.heldOn)
        problems.push({ field: "nextReviewOn", message: "次回の見直し日は実施日より後にしてください" });
      if (input.isFinal && input.nextReviewOn !== null)
        problems.push({ field: "nextReviewOn", message: "最終のモニタリングには次回の見直し日を入れません" });
      if (problems.length) throw new ValidationError(problems);
      const row = await repo.insertMonitoring(tx, {
        municipalityId: actor.municipalityId,
        caseId,
        planId: plan.id,
        heldOn: input.heldOn,
        progress: input.progress,
        nextReviewOn: input.nextReviewOn,
        note: input.note,
        isFinal: input.isFinal,
        recordedBy: actor.userId,
        recordedByAgencyId: actor.agencyId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "create",
        entityType: "support_plan_monitoring",
        entityId: row.id,
        basis: disclosure as string,
        after: { caseId, plan: plan.number, heldOn: row.heldOn, nextReviewOn: row.nextReviewOn, isFinal: row.isFinal },
      });
      return presentMonitoring(row, await agencyMap(tx, actor.municipalityId));
    },
    { lock: true, personal: true },
  );
}
