import { MEETING_KIND_CODES, type MeetingLegalBasis } from "../../../domain/labels/meetings.js";
import type { Db } from "../../db/client.js";
import { type Actor, actorOf, recordAudit } from "../../platform/audit.js";
import { policies } from "../../platform/policies.js";
import * as repo from "./repository.js";

/**
 * The meetings of a municipality for operators (`meetings` command): what kind (by legal basis), when, which 地区,
 * and counts (members, pledged, agenda items, decisions). Never a name of a person or member; the listing is one
 * audit record in the municipality's trail.
 */
export async function countMeetingsAsOperator(
  db: Db,
  operator: Actor & { municipalityId: string },
  range: { from: string; to: string } | null,
) {
  policies.countMeetingsAsOperator(operator);
  return db.transaction(async (tx) => {
    const rows = await repo.listMeetings(tx, operator.municipalityId, { ...(range ?? {}), scope: undefined });
    const districts = new Map((await repo.listDistricts(tx, operator.municipalityId)).map((d) => [d.id, d.name]));
    await recordAudit(tx, {
      ...actorOf(operator),
      action: "read",
      entityType: "meeting",
      entityId: null,
      basis: "cli:meetings",
      after: { count: rows.length, ...(range ?? {}) },
    });
    return rows.map((r) => ({
      id: r.meeting.id,
      kind: MEETING_KIND_CODES[r.kind.legalBasis as MeetingLegalBasis] ?? r.kind.legalBasis,
      kindName: r.kind.name,
      heldOn: r.meeting.heldOn,
      district: r.meeting.districtId ? (districts.get(r.meeting.districtId) ?? null) : null,
      members: r.members,
      pledged: r.pledged,
      subjects: r.subjects,
      decisions: r.decisions,
    }));
  });
}
