import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { withCase } from "./access.js";
import { presentRecord } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateRecordInput } from "./schema.js";

/**
 * 支援経過 (activity records). Any team agency's staff and the coordinators write them, as their agency. Reading
 * them follows policies.canSeeCaseEntry (consent), and every read is an audit record naming the records shown and
 * the basis (the caller's role on the case and the consent state at that moment).
 */
export async function listRecords(db: Db, actor: RequestActor, caseId: string) {
  return withCase(db, actor, caseId, "records", async (tx, { c, basis }) => {
    const consentGiven = c.consent === "given";
    const rows = (await repo.listRecords(tx, actor.municipalityId, caseId)).filter((r) =>
      policies.canSeeCaseEntry(actor, basis, r, consentGiven),
    );
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "read",
      entityType: "case_records",
      entityId: caseId,
      basis: `case:${basis};consent:${c.consent}`,
      after: { recordIds: rows.map((r) => r.id) },
    });
    const agencies = await agencyMap(tx, actor.municipalityId);
    return {
      records: rows.map((r) => presentRecord(r, agencies)),
      consent: c.consent,
      /** false: records of other agencies are not shown (no consent), only the caller's agency's own */
      sharedWithTeam: policies.seesTeamEntries(basis, consentGiven),
    };
  });
}

export async function createRecord(db: Db, actor: RequestActor, caseId: string, input: CreateRecordInput) {
  return withCase(db, actor, caseId, "record_create", async (tx, { basis }) => {
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
      basis: `case:${basis}`,
      after: { caseId, kind: row.kind, date: row.date, visibility: row.visibility, length: row.text.length },
    });
    return presentRecord(row, await agencyMap(tx, actor.municipalityId));
  });
}
