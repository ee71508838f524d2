import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { sharedBy, type VisibleCase, withCase } from "./access.js";
import { presentRecord } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateRecordInput } from "./schema.js";

/**
 * 支援経過 (activity records). The coordinators and the team agencies with a disclosure basis write them, as their
 * agency. Reading them follows policies.canSeeCaseEntry (consent), and every read is an audit record naming the
 * records shown and the basis (the caller's disclosure basis, and the consent that shares the team's entries).
 */
export async function listRecords(db: Db, actor: RequestActor, caseId: string) {
  return withCase(
    db,
    actor,
    caseId,
    "records",
    async (tx, visible) => {
      const { c, basis } = visible;
      const shared = sharedBy(visible);
      const rows = (await repo.listRecords(tx, actor.municipalityId, caseId)).filter((r) =>
        policies.canSeeCaseEntry(actor, basis, r, shared),
      );
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "case_records",
        entityId: caseId,
        basis: entriesBasis(visible),
        after: { recordIds: rows.map((r) => r.id) },
      });
      const agencies = await agencyMap(tx, actor.municipalityId);
      return {
        records: rows.map((r) => presentRecord(r, agencies)),
        consent: c.consent,
        /** false: records of other agencies are not shown (no consent), only the caller's agency's own */
        sharedWithTeam: policies.seesTeamEntries(basis, shared),
      };
    },
    { personal: true },
  );
}

/**
 * What a read of the case's entries was based on: the disclosure basis, and the consent (or 支援会議) that shared
 * the other agencies' entries (the coordinators need none; "consent:none" when only the agency's own entries were shown).
 */
export function entriesBasis({ basis, disclosure, consentId, meetingId }: VisibleCase) {
  if (basis === "coordinator") return disclosure as string;
  const shared = consentId ? `consent:${consentId}` : meetingId ? `art106_6:meeting:${meetingId}` : "consent:none";
  return disclosure === shared ? shared : `${disclosure};${shared}`;
}

export async function createRecord(db: Db, actor: RequestActor, caseId: string, input: CreateRecordInput) {
  return withCase(
    db,
    actor,
    caseId,
    "record_create",
    async (tx, { disclosure }) => {
      const row = await repo.insertRecord(tx, {
        municipalityId: actor.municipalityId,
        caseId,
        agencyId: actor.agencyId as string,
        ...input,
        createdBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "create",
        entityType: "case_record",
        entityId: row.id,
        basis: disclosure as string,
        after: { caseId, kind: row.kind, date: row.date, visibility: row.visibility, length: row.text.length },
      });
      return presentRecord(row, await agencyMap(tx, actor.municipalityId));
    },
    { personal: true },
  );
}
