import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, staleVersion, ValidationError } from "../../platform/errors.js";
import { agencyMap } from "../agencies/service.js";
import { withCase } from "../cases/access.js";
import { answerPlan, checkKind, draftAt, managePlan } from "./plan-writes.js";
import { presentPlanSection } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreatePlanInput, SavePlanInput } from "./schema.js";

/**
 * Support plans of a case. The coordinators and the lead agency draft and approve them; every team agency with a
 * disclosure basis reads them (a team agency without one: 404, like records and assessments). A draft is edited at
 * its version; an approved plan never changes again, a new version starts as its copy and supersedes it when
 * approved. One draft at a time per case (the case row is locked while a draft is started).
 */

/** The plan section of the case page (every read an audit record naming the plans shown). */
export async function getPlanSection(db: Db, actor: RequestActor, caseId: string) {
  return withCase(
    db,
    actor,
    caseId,
    "plans",
    async (tx, { c, basis, disclosure }) => {
      const plans = await repo.listPlans(tx, actor.municipalityId, caseId);
      const content = await repo.contentOf(
        tx,
        actor.municipalityId,
        plans.map((p) => p.id),
      );
      const monitorings = await repo.listMonitorings(tx, actor.municipalityId, caseId);
      const closure = await repo.findClosure(tx, actor.municipalityId, caseId);
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "support_plans",
        entityId: caseId,
        basis: disclosure as string,
        after: { plans: plans.map((p) => p.number), monitorings: monitorings.length },
      });
      return presentPlanSection({
        c,
        plans,
        content,
        monitorings,
        closure,
        agencies: await agencyMap(tx, actor.municipalityId),
        today: todayInJapan(),
        ownAgencyId: actor.agencyId,
        canManage: basis !== "team",
      });
    },
    { personal: true },
  );
}

/** Starts a draft: empty, or a copy of the latest approved plan (its goals, tasks and the agencies' answers). */
export function createPlan(db: Db, actor: RequestActor, caseId: string, input: CreatePlanInput) {
  return managePlan(db, actor, caseId, "plan_create", async (tx, { c, disclosure }) => {
    const plans = await repo.listPlans(tx, actor.municipalityId, caseId);
    if (plans.some((p) => p.status === "draft"))
      throw conflict("作成中のプランがあります。そのプランを編集してください");
    checkKind(input.kind, c.consent, "kind");
    const base = plans.find((p) => p.status === "approved") ?? null;
    const plan = await repo.insertPlan(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      number: (plans[0]?.number ?? 0) + 1,
      kind: input.kind,
      status: "draft",
      wishes: base?.wishes ?? "",
      createdBy: actor.userId,
    });
    if (base) await copyContent(tx, actor.municipalityId, base.id, plan.id);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "support_plan",
      entityId: plan.id,
      basis: disclosure as string,
      after: { caseId, number: plan.number, kind: plan.kind, copiedFrom: base?.number ?? null },
    });
    return answerPlan(tx, actor, plan);
  });
}

async function copyContent(tx: Executor, municipalityId: string, fromPlanId: string, toPlanId: string) {
  const { goals, tasks } = await repo.contentOf(tx, municipalityId, [fromPlanId]);
  const copies = await repo.insertGoals(
    tx,
    goals.map(({ id: _id, planId: _p, ...g }) => ({ ...g, planId: toPlanId })),
  );
  const goalOf = new Map(goals.map((g, i) => [g.id, copies[i]?.id as string]));
  await repo.insertTasks(
    tx,
    tasks.map(({ id: _id, planId: _p, goalId, ...t }) => ({
      ...t,
      planId: toPlanId,
      goalId: goalOf.get(goalId) as string,
    })),
  );
}

/** Replaces a draft's content at its version. A kept task keeps its agency's answer while it asks the same. */
export function savePlan(
  db: Db,
  actor: RequestActor,
  caseId: string,
  planId: string,
  version: number,
  input: SavePlanInput,
) {
  return managePlan(db, actor, caseId, "plan_update", async (tx, { team, disclosure }) => {
    const plan = await draftAt(tx, actor, caseId, planId, version);
    const onTeam = new Set(team.map((t) => t.agencyId));
    const problems = input.goals.flatMap((g, gi) =>
      g.tasks.flatMap((t, ti) =>
        onTeam.has(t.agencyId)
          ? []
          : [
              {
                field: `goals.${gi}.tasks.${ti}.agencyId`,
                message: "担当機関はケースのチームの機関から選んでください",
              },
            ],
      ),
    );
    if (problems.length) throw new ValidationError(problems);
    const before = await repo.contentOf(tx, actor.municipalityId, [planId]);
    const kept = new Map(before.tasks.map((t) => [t.id, t]));
    const saved = await repo.updatePlan(tx, actor.municipalityId, planId, version, { wishes: input.wishes });
    if (!saved) throw staleVersion(plan.version);
    await repo.clearContent(tx, actor.municipalityId, planId);
    const goals = await repo.insertGoals(
      tx,
      input.goals.map((g, order) => ({
        municipalityId: actor.municipalityId,
        planId,
        order,
        term: g.term,
        text: g.text,
      })),
    );
    let order = 0;
    await repo.insertTasks(
      tx,
      input.goals.flatMap((g, gi) =>
        g.tasks.map((t) => {
          const old = t.id ? kept.get(t.id) : undefined;
          const same = old && old.agencyId === t.agencyId && old.text === t.text && old.dueOn === t.dueOn;
          return {
            municipalityId: actor.municipalityId,
            planId,
            goalId: goals[gi]?.id as string,
            order: order++,
            agencyId: t.agencyId,
            role: t.role,
            text: t.text,
            dueOn: t.dueOn,
            response: same ? old.response : "pending",
            reason: same ? old.reason : null,
            respondedBy: same ? old.respondedBy : null,
            respondedAt: same ? old.respondedAt : null,
            doneOn: same ? old.doneOn : null,
          };
        }),
      ),
    );
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "support_plan",
      entityId: planId,
      basis: disclosure as string,
      after: { number: plan.number, goals: input.goals.length, tasks: order },
    });
    return answerPlan(tx, actor, saved);
  });
}
