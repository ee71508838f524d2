/**
 * Reopening a closed year: the plan office only, with a reason. The round shows the last reopening (who, when,
 * why); every closing and reopening stays in the audit trail.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanOr404 } from "../plans/service.js";
import * as repo from "./repository.js";
import { roundWithNames } from "./rounds.js";

export async function reopenRound(db: Db, actor: RequestActor, planId: string, fiscalYear: number, reason: string) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    const round = await repo.lockRound(tx, actor.municipalityId, planId, fiscalYear, "update");
    if (!round) throw notFound(`${formatFiscalYear(fiscalYear)}の評価`);
    if (round.status !== "closed") throw conflict(`${formatFiscalYear(fiscalYear)}は締め切られていません`);
    const reopened = await repo.updateRound(tx, actor.municipalityId, round.id, {
      status: "open",
      reopenedAt: new Date(),
      reopenedBy: actor.userId,
      reopenReason: reason,
    });
    if (!reopened) throw new Error("a locked round disappeared");
    await recordPlanChange(tx, actor, planId, {
      action: "reopen_evaluation",
      entityType: "evaluation_round",
      entityId: round.id,
      before: { status: round.status, closedAt: round.closedAt?.toISOString() ?? null },
      after: { status: reopened.status, fiscalYear, reason },
    });
    return roundWithNames(tx, actor.municipalityId, reopened);
  });
}
