import type { Executor } from "../../db/client.js";
import { type AuditEntry, actorOf, recordAuditBatch } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { personRead } from "../persons/access.js";
import * as personsRepo from "../persons/repository.js";
import { displayNamesOf } from "../users/repository.js";
import type { VisibleMeeting } from "./access.js";
import { presentMeeting, type SubjectShown } from "./presenter.js";
import * as repo from "./repository.js";

/**
 * The basis on which a meeting shows a person on its agenda, as the audit trail names it: the 支援会議's own
 * (art. 106-6, no consent needed) or, on a consent-kind meeting, the consent the case was taken on.
 */
export function subjectBasis(v: VisibleMeeting, s: repo.SubjectRow) {
  return v.legalBasis === "art106_6" ? `art106_6:meeting:${v.m.id}` : `consent:${s.consentId}`;
}

/**
 * The meeting page as the caller sees it, with its audit records written in the same transaction: a read of the
 * meeting (basis: the caller's part in it) and a read of every person its agenda shows (basis: subjectBasis). A
 * consent-kind meeting no longer shows a person whose consent was withdrawn since, and no meeting a person taken off
 * its agenda (the agenda item stays, as history).
 */
export async function readMeeting(tx: Executor, actor: RequestActor, v: VisibleMeeting) {
  const { m } = v;
  const agencies = await agencyMap(tx, actor.municipalityId);
  const district = m.districtId ? await repo.findDistrict(tx, actor.municipalityId, m.districtId) : null;
  const reads: AuditEntry[] = [
    { ...actorOf(actor), action: "read", entityType: "meeting", entityId: m.id, basis: `meeting:${v.access}` },
  ];
  if (!policies.seesMeetingContent(v.access)) {
    await recordAuditBatch(tx, reads);
    return presentMeeting(v, agencies, district, null);
  }
  const memberRows = await repo.listMembers(tx, actor.municipalityId, m.id);
  const names = await displayNamesOf(
    tx,
    actor.municipalityId,
    memberRows.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const subjectRows = await repo.listSubjects(tx, actor.municipalityId, m.id);
  const withdrawn = await repo.withdrawnConsents(
    tx,
    actor.municipalityId,
    subjectRows.flatMap((s) => (s.consentId ? [s.consentId] : [])),
  );
  const persons = new Map(
    (await personsRepo.findPersons(tx, actor.municipalityId, [...new Set(subjectRows.map((s) => s.personId))])).map(
      (p) => [p.id, p],
    ),
  );
  const subjects: SubjectShown[] = subjectRows.map((row) => {
    const p = persons.get(row.personId);
    // a removed item keeps its place in the history, not the person: the removal ended that basis
    const shown = p && !row.removedAt && !(row.consentId && withdrawn.has(row.consentId));
    return { row, person: shown ? { id: p.id, nameKanji: p.nameKanji, nameKana: p.nameKana } : null };
  });
  for (const s of subjects) if (s.person) reads.push(personRead(actor, s.person.id, subjectBasis(v, s.row)));
  await recordAuditBatch(tx, reads);
  return presentMeeting(v, agencies, district, {
    members: memberRows.map((row) => ({ row, displayName: row.userId ? (names.get(row.userId) ?? null) : null })),
    subjects,
    decisions: await repo.listDecisions(tx, actor.municipalityId, m.id),
  });
}
