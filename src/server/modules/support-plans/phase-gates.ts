import type { Executor } from "../../db/client.js";
import { ValidationError } from "../../platform/errors.js";
import type { Phase } from "../cases/schema.js";
import * as repo from "./repository.js";
import { closureBlocker } from "./schema.js";

/**
 * What a case's plans require of a phase change (called by the case's phase change): 支援 only with an approved
 * support plan (an outreach plan is no basis for it: the person has not consented yet); 終結 only through the
 * closure record (closure.ts), which needs a final monitoring once a plan was approved.
 */
export async function checkPhaseAgainstPlans(tx: Executor, municipalityId: string, caseId: string, to: Phase) {
  if (to === "closed")
    throw new ValidationError([
      { field: "to", message: "終結は「終結の記録」から行ってください（最終のモニタリングを記録した後）" },
    ]);
  if (to !== "support") return;
  const plans = await repo.listPlans(tx, municipalityId, caseId);
  if (!plans.some((p) => p.status === "approved" && p.kind === "support"))
    throw new ValidationError([{ field: "to", message: "「支援」に進めるには、承認された支援プランが必要です" }]);
}

/** The closure of a case whose support was planned needs a final monitoring (closureBlocker). */
export async function checkClosable(tx: Executor, municipalityId: string, caseId: string) {
  const [plans, monitorings] = await Promise.all([
    repo.listPlans(tx, municipalityId, caseId),
    repo.listMonitorings(tx, municipalityId, caseId),
  ]);
  const blocker = closureBlocker(plans, monitorings);
  if (blocker) throw new ValidationError([{ field: "(body)", message: blocker }]);
}
