import { CLOSURE_REASON_LABELS } from "../../../domain/labels/support-plans.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict } from "../../platform/errors.js";
import { changeCase } from "../cases/lifecycle.js";
import { checkClosable } from "./phase-gates.js";
import * as repo from "./repository.js";
import type { ClosureInput } from "./schema.js";

/**
 * 終結: one request records the closure (reason, final evaluation) and moves the case to 終結, at the case's version
 * (If-Match), after a final monitoring. The coordinators or the lead agency, as every phase change.
 */
export function closeCase(db: Db, actor: RequestActor, caseId: string, version: number, input: ClosureInput) {
  return changeCase(db, actor, caseId, version, "close", async (tx, { c }) => {
    if (c.phase === "closed") throw conflict("このケースは終結しています");
    await checkClosable(tx, actor.municipalityId, caseId);
    const reason = [CLOSURE_REASON_LABELS[input.reason], input.reasonNote].filter(Boolean).join("：");
    return {
      values: { phase: "closed" },
      alsoWrite: (tx) =>
        repo.insertClosure(tx, {
          municipalityId: actor.municipalityId,
          caseId,
          closedOn: input.closedOn,
          reason: input.reason,
          reasonNote: input.reasonNote,
          evaluation: input.evaluation,
          recordedBy: actor.userId,
          recordedByAgencyId: actor.agencyId,
        }),
      events: [{ kind: "phase", phase: "closed", reason }],
      audit: {
        before: { phase: c.phase },
        after: {
          phase: "closed",
          closedOn: input.closedOn,
          reason: input.reason,
          evaluationLength: input.evaluation.length,
        },
      },
      entity: { type: "case_closure", id: caseId },
    };
  });
}
