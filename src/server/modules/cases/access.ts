import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import { type CaseBasis, policies } from "../../platform/policies.js";
import * as personsRepo from "../persons/repository.js";
import * as repo from "./repository.js";

export interface VisibleCase {
  c: repo.CaseRow;
  team: repo.CaseTeamRow[];
  basis: CaseBasis;
  /**
   * The basis on which the caller sees the case's personal content (its person, household, records, assessments),
   * as the audit trail names it ("case:coordinator", "case:lead", "consent:<id>"), or null: the case's existence,
   * lead and phase only (policies.caseDisclosure).
   */
  disclosure: string | null;
  /** the main person's consent in force that covers the caller's agency (shares the team's entries), if any */
  consentId: string | null;
  /**
   * a 支援会議 with the case (or its main person) on its agenda of which the caller is a pledged member, if any:
   * shares the team's entries with that user when no consent does
   */
  meetingId: string | null;
}

export const caseNotFound = () => notFound("ケース");

/**
 * What shares the other agencies' entries with the caller (policies.seesTeamEntries, canSeeCaseEntry): the person's
 * consent, else the 支援会議 the caller sits on; null: only the caller's agency's own entries.
 */
export const sharedBy = (v: Pick<VisibleCase, "consentId" | "meetingId">) => v.consentId ?? v.meetingId;

/**
 * The main person's consent covering the caller's agency, and the 支援会議 the caller sits on with the case on its
 * agenda, read at this request (a withdrawal, leaving the meeting or the subject's removal count at once).
 */
async function basesOfMainPerson(tx: Executor, actor: RequestActor, c: repo.CaseRow) {
  if (!actor.agencyId) return { consentId: null, meetingId: null };
  const caller = { agencyId: actor.agencyId, userId: actor.userId };
  const [facts] = await personsRepo.personFacts(tx, actor.municipalityId, caller, [c.mainPersonId]);
  return { consentId: facts?.consentId ?? null, meetingId: facts?.meetingId ?? null };
}

/**
 * Need-to-know, checked on every request against the current team and consents (a removed agency or a withdrawn
 * consent loses access at once). Hidden: a "denied" audit record is written and null returned; the caller commits
 * and answers 404. `personal`: the request reads or writes the case's personal content, so a team agency without
 * a disclosure basis is refused like an outsider.
 */
export async function loadCase(
  tx: Executor,
  actor: RequestActor,
  caseId: string,
  action: string,
  opts: { lock?: boolean; personal?: boolean } = {},
): Promise<VisibleCase | null> {
  const c = await repo.findCase(tx, actor.municipalityId, caseId, opts.lock);
  const team = c ? await repo.listTeam(tx, actor.municipalityId, c.id) : [];
  const basis = c
    ? policies.caseBasis(
        actor,
        c,
        team.map((t) => t.agencyId),
      )
    : null;
  const { consentId, meetingId } =
    c && basis && basis !== "coordinator"
      ? await basesOfMainPerson(tx, actor, c)
      : { consentId: null, meetingId: null };
  const disclosure = basis ? policies.caseDisclosure(basis, consentId, meetingId) : null;
  if (!c || !basis || (opts.personal && !disclosure)) {
    await recordDenial(tx, actor, { entityType: "case", entityId: caseId }, action);
    return null;
  }
  return { c, team, basis, disclosure, consentId, meetingId };
}

/** Runs `work` on a visible case in one transaction; a hidden case commits its denial and answers 404. */
export async function withCase<T>(
  db: Db,
  actor: RequestActor,
  caseId: string,
  action: string,
  work: (tx: Executor, visible: VisibleCase) => Promise<T>,
  opts: { lock?: boolean; personal?: boolean } = {},
): Promise<T> {
  return withVisible(db, (tx) => loadCase(tx, actor, caseId, action, opts), work, caseNotFound);
}
