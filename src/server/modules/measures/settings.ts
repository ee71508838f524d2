import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as repo from "./repository.js";
import type { SuppressionSettingInput } from "./schema.js";

/**
 * The small-number threshold of the municipality's statistics: counts below it are not shown outside the support
 * side. It guards the support side's data, so its administrator sets it.
 */
export async function getSuppression(db: Db, actor: AuthContext) {
  policies.setSuppressionThreshold(actor);
  return repo.suppressionSetting(db, actor.municipalityId);
}

/** Changes the threshold read at `version`: a change made meanwhile is refused (412), not undone. */
export async function setSuppression(db: Db, actor: RequestActor, input: SuppressionSettingInput, version: number) {
  policies.setSuppressionThreshold(actor);
  return db.transaction(async (tx) => {
    const current = await repo.suppressionSetting(tx, actor.municipalityId);
    if (current.version !== version) throw staleVersion(current.version);
    if (current.threshold === input.threshold) return current;
    if (!(await repo.setSuppressionThreshold(tx, actor.municipalityId, input.threshold, version)))
      throw staleVersion(current.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "municipality",
      entityId: actor.municipalityId,
      before: { statsSuppressionThreshold: current.threshold },
      after: { statsSuppressionThreshold: input.threshold },
    });
    return { threshold: input.threshold, version: version + 1 };
  });
}
