import {
  PLACEMENT_INTERRUPTION_REASON_LABELS,
  PLACEMENT_NEXT,
  PLACEMENT_STATUS_LABELS,
  type PlacementInterruptionReason,
  type PlacementStatus,
} from "../../../domain/labels/placements.js";
import { RESOURCE_AUDIENCE_LABELS, type ResourceAudience } from "../../../domain/labels/resources.js";
import type { ResourceRow } from "../resources/repository.js";
import type { PlacementEventRow, PlacementRow, UnmetNeedRow } from "./repository.js";

/** The only shapes placements and unmet needs leave the server in. */

const reasonLabel = (r: string | null) =>
  r ? PLACEMENT_INTERRUPTION_REASON_LABELS[r as PlacementInterruptionReason] : null;

export function presentPlacement(
  p: PlacementRow,
  events: PlacementEventRow[],
  resource: Pick<ResourceRow, "id" | "name"> | undefined,
  today: string,
) {
  const status = p.status as PlacementStatus;
  return {
    id: p.id,
    caseId: p.caseId,
    resource: { id: p.resourceId, name: resource?.name ?? null },
    wishes: p.wishes,
    status,
    statusLabel: PLACEMENT_STATUS_LABELS[status],
    statusOn: p.statusOn,
    interruptionReason: p.interruptionReason,
    interruptionReasonLabel: reasonLabel(p.interruptionReason),
    followUpOn: p.followUpOn,
    // a follow-up is due on its day and stays due until the next change sets another one
    followUpDue: p.followUpOn !== null && status !== "interrupted" && p.followUpOn <= today,
    nextStatuses: PLACEMENT_NEXT[status],
    history: events
      .filter((e) => e.placementId === p.id)
      .map((e) => ({
        status: e.status,
        statusLabel: PLACEMENT_STATUS_LABELS[e.status as PlacementStatus],
        on: e.on,
        interruptionReason: e.interruptionReason,
        interruptionReasonLabel: reasonLabel(e.interruptionReason),
        note: e.note,
      })),
    version: p.version,
  };
}

/** An unmet need as the coordinators read it: what, where and for whom; never the case or its person. */
export function presentUnmetNeed(n: UnmetNeedRow, districtName: string | null, agencyName: string | null) {
  return {
    id: n.id,
    lookedFor: n.lookedFor,
    district: n.districtId ? { id: n.districtId, name: districtName } : null,
    audiences: n.audiences.map((a) => ({ code: a, label: RESOURCE_AUDIENCE_LABELS[a as ResourceAudience] ?? a })),
    recordedOn: n.recordedOn,
    recordedByAgency: agencyName,
  };
}
