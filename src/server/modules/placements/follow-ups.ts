import { todayInJapan } from "../../../domain/japanese-date.js";
import { PLACEMENT_STATUS_LABELS, type PlacementStatus } from "../../../domain/labels/placements.js";
import type { Db } from "../../db/client.js";
import { recordAuditBatch } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { personRead } from "../persons/access.js";
import * as repo from "./repository.js";

/**
 * The 参加支援 follow-ups that are due (Japan's today or past), for those who move placements on: the coordinators
 * every case's, other staff those of the cases their agency leads. Each row names the case's household, which the
 * coordinators and the lead agency always see (their basis on the case), so each one is logged as the case list does.
 */
export async function listFollowUpsDue(db: Db, actor: RequestActor) {
  const { agencyId } = policies.followUpScope(actor);
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const rows = await repo.followUpsDue(tx, actor.municipalityId, today, agencyId);
    await recordAuditBatch(
      tx,
      rows.map((r) => personRead(actor, r.mainPersonId, `case:${r.placement.caseId}`, { placement: r.placement.id })),
    );
    return {
      today,
      followUps: rows.map(({ placement: p, household, resourceName }) => ({
        id: p.id,
        caseId: p.caseId,
        household: { id: household.id, name: household.name },
        resource: { id: p.resourceId, name: resourceName },
        status: p.status,
        statusLabel: PLACEMENT_STATUS_LABELS[p.status as PlacementStatus],
        statusOn: p.statusOn,
        followUpOn: p.followUpOn,
      })),
    };
  });
}
