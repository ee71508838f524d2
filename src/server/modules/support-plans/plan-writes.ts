import { todayInJapan } from "../../../domain/japanese-date.js";
import type { PlanKind } from "../../../domain/labels/support-plans.js";
import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { type VisibleCase, withCase } from "../cases/access.js";
import { presentPlan } from "./presenter.js";
import * as repo from "./repository.js";

/** What every write on a plan shares: who may write, which kind the consent allows, the draft at its version. */

export const planNotFound = () => notFound("プラン");

/** A write on a plan of a visible case by its managers: the case is locked, the plan found (404) and answered. */
export function managePlan<T>(
  db: Db,
  actor: RequestActor,
  caseId: string,
  action: string,
  work: (tx: Executor, visible: VisibleCase) => Promise<T>,
) {
  return withCase(
    db,
    actor,
    caseId,
    action,
    async (tx, visible) => {
      policies.manageCase(visible.basis);
      if (visible.c.phase === "closed") throw conflict("終結したケースのプランは変更できません");
      return work(tx, visible);
    },
    { lock: true, personal: true },
  );
}

/** Which kind of plan the person's consent allows: a support plan with it, an outreach plan before it. */
export function checkKind(kind: PlanKind, consent: string, field: string) {
  if (kind === "support" && consent !== "given")
    throw new ValidationError([
      { field, message: "本人の同意がないため支援プランは作れません。アウトリーチ支援プランにしてください" },
    ]);
  if (kind === "outreach" && consent === "given")
    throw new ValidationError([
      { field, message: "本人の同意があるためアウトリーチ支援プランは作れません。支援プランにしてください" },
    ]);
}

export async function answerPlan(tx: Executor, actor: RequestActor, plan: repo.PlanRow) {
  const content = await repo.contentOf(tx, actor.municipalityId, [plan.id]);
  return presentPlan(plan, content, await agencyMap(tx, actor.municipalityId), todayInJapan(), actor.agencyId);
}

/** The case's draft `planId` at `version`: 404 when not the case's, 409 once approved, 412 when stale. */
export async function draftAt(tx: Executor, actor: RequestActor, caseId: string, planId: string, version: number) {
  const plan = await repo.findPlan(tx, actor.municipalityId, caseId, planId);
  if (!plan) throw planNotFound();
  if (plan.status !== "draft") throw conflict("承認されたプランは変更できません。新しい版を作成してください");
  if (plan.version !== version) throw staleVersion(plan.version);
  return plan;
}
