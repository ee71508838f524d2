import type { Executor } from "../db/client.js";
import * as meetingsRepo from "../modules/meetings/repository.js";
import * as placementsRepo from "../modules/placements/repository.js";
import { DEMO_PLACEMENTS, DEMO_UNMET_NEEDS } from "./demo-placements-data.js";
import { type AgencyKey, demoTime, type PersonKey } from "./demo-support-data.js";

interface Ids {
  agency: (key: AgencyKey) => string;
  userByAgency: Map<AgencyKey, string>;
  caseIds: Map<PersonKey, string>;
  resourceIds: Map<string, string>;
}

/**
 * Writes the demo placements as if each step had been recorded on the case's 参加支援 tab (the version counts the
 * steps, the history has one event per step) and the unmet needs recorded from the cases.
 */
export async function loadDemoPlacements(tx: Executor, municipalityId: string, ids: Ids) {
  const known = <T>(map: Map<string, T>, key: string, what: string) => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`demo ${what} not found: ${key}`);
    return value;
  };
  for (const p of DEMO_PLACEMENTS) {
    const first = p.steps[0];
    const last = p.steps.at(-1);
    if (!first || !last) throw new Error("a demo placement needs at least one step");
    const by = ids.userByAgency.get(p.proposedBy) ?? null;
    const row = await placementsRepo.insertPlacement(tx, {
      municipalityId,
      caseId: known(ids.caseIds, p.caseOf, "case"),
      resourceId: known(ids.resourceIds, p.resource, "resource"),
      wishes: p.wishes,
      status: last.status,
      statusOn: last.on,
      interruptionReason: last.reason ?? null,
      followUpOn: p.followUpOn,
      proposedByAgencyId: ids.agency(p.proposedBy),
      createdBy: by,
      version: p.steps.length,
      createdAt: demoTime(first.on),
      updatedAt: demoTime(last.on),
    });
    for (const step of p.steps) {
      await placementsRepo.insertEvent(tx, {
        municipalityId,
        placementId: row.id,
        status: step.status,
        on: step.on,
        interruptionReason: step.reason ?? null,
        note: step.note ?? null,
        recordedBy: by,
        createdAt: demoTime(step.on),
      });
    }
  }
  const districts = new Map((await meetingsRepo.listDistricts(tx, municipalityId)).map((d) => [d.name, d.id]));
  for (const n of DEMO_UNMET_NEEDS) {
    await placementsRepo.insertUnmetNeed(tx, {
      municipalityId,
      caseId: known(ids.caseIds, n.caseOf, "case"),
      lookedFor: n.lookedFor,
      districtId: n.district ? known(districts, n.district, "district") : null,
      audiences: n.audiences,
      recordedOn: n.recordedOn,
      recordedByAgencyId: ids.agency(n.recordedBy),
      recordedBy: ids.userByAgency.get(n.recordedBy) ?? null,
      createdAt: demoTime(n.recordedOn),
    });
  }
  return { placements: DEMO_PLACEMENTS.length, unmetNeeds: DEMO_UNMET_NEEDS.length };
}
