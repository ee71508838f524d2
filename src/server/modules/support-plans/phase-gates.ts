import type { Executor } from "../../db/client.js";
import { ValidationError } from "../../platform/errors.js";
import type { Phase } from "../cases/schema.js";
import * as repo from "./repository.js";

/**
 * What a case's plans require of a phase change (called by the case's phase change): 支援 only with an approved
 * support plan (an outreach plan is no basis for it: the person has not consented yet); 終結 only through the
 * closure record (closure.ts), which needs a final monitoring.
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

/** The closure needs a final monitoring of the case. */
export async function checkClosable(tx: Executor, municipalityId: string, caseId: string) {
  const monitorings = await repo.listMonitorings(tx, municipalityId, caseId);
  if (!monitorings.some((m) => m.isFinal))
    throw new ValidationError([{ field: "(body)", message: "終結の前に、最終のモニタリングを記録してください" }]);
}
