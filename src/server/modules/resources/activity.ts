import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as repo from "./repository.js";
import type { ActivityInput } from "./schema.js";
import { visibleResource } from "./service.js";

/**
 * 地域づくりの拠点: a resource that is a community hub records per month how many took part and which
 * organisations joined. Numbers and organisations' names only: a person is never named here. Agency staff record
 * them; whoever reads the resource reads its months.
 */

export function presentActivity(a: repo.ActivityRow) {
  return {
    month: a.month,
    participants: a.participants,
    organisations: a.organisations,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function listActivity(db: Db, actor: AuthContext, resourceId: string) {
  return db.transaction(async (tx) => {
    await visibleResource(tx, actor, resourceId);
    const months = (await repo.listActivity(tx, actor.municipalityId, resourceId)).map(presentActivity);
    return { months, participants: months.reduce((sum, m) => sum + m.participants, 0) };
  });
}

const versionRequired = () => new AppError(428, "version_required", "更新には版番号（If-Match ヘッダー）が必要です");

/**
 * A month's numbers: the first with If-Match "0" or none, a month already recorded with its current version (428
 * without, 412 when stale).
 */
export async function recordActivity(
  db: Db,
  actor: RequestActor,
  resourceId: string,
  month: string,
  version: number | null,
  input: ActivityInput,
) {
  return db.transaction(async (tx) => {
    const resource = await visibleResource(tx, actor, resourceId, true);
    policies.recordResourceActivity(actor);
    if (resource.status !== "active" && resource.status !== "paused")
      throw conflict("提案中・見送りの地域資源には参加の記録をつけられません");
    const before = await repo.findActivity(tx, actor.municipalityId, resourceId, month);
    let row: repo.ActivityRow | null;
    if (!before) {
      if (version !== null && version !== 0) throw staleVersion(0);
      row = await repo.insertActivity(tx, {
        municipalityId: actor.municipalityId,
        resourceId,
        month,
        ...input,
        recordedBy: actor.userId,
      });
    } else {
      if (version === null) throw versionRequired();
      if (before.version !== version) throw staleVersion(before.version);
      row = await repo.updateActivity(tx, actor.municipalityId, before.id, version, {
        ...input,
        recordedBy: actor.userId,
      });
    }
    if (!row) throw staleVersion(before?.version ?? 0);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: before ? "update" : "create",
      entityType: "resource_activity",
      entityId: resourceId,
      before: before ? presentActivity(before) : null,
      after: { month, ...input },
    });
    return presentActivity(row);
  });
}
