import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { checkActiveConcerns } from "../concerns/service.js";
import { withCase } from "./access.js";
import * as repo from "./repository.js";
import {
  type AddTeamAgencyInput,
  type ChangePhaseInput,
  type ConsentInput,
  nextPhase,
  PHASE_LABELS,
  PHASE_TRANSITIONS,
  type Phase,
  type UpdateCaseInput,
} from "./schema.js";
import { checkTeamAgency, readCase } from "./service.js";

/**
 * Phase, consent and team changes: the coordinators or the lead agency; the case version (If-Match) must be
 * current. Each change bumps the version, writes its event (who, when, why) and its audit record in one transaction.
 */

export async function changePhase(
  db: Db,
  actor: RequestActor,
  caseId: string,
  version: number,
  input: ChangePhaseInput,
) {
  return withCase(db, actor, caseId, "phase", async (tx, visible) => {
    const { c, basis } = visible;
    policies.manageCase(basis);
    if (c.version !== version) throw staleVersion(c.version);
    const from = c.phase as Phase;
    if (!PHASE_TRANSITIONS[from]?.includes(input.to)) {
      throw new ValidationError([
        {
          field: "to",
          message: `「${PHASE_LABELS[from] ?? from}」から「${PHASE_LABELS[input.to]}」には進められません`,
        },
      ]);
    }
    if (input.to !== nextPhase(from) && !input.reason)
      throw new ValidationError([{ field: "reason", message: "段階を戻す・終結する理由を入力してください" }]);
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, { phase: input.to });
    if (!after) throw staleVersion(c.version);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      kind: "phase",
      phase: input.to,
      reason: input.reason,
      byUserId: actor.userId,
      byAgencyId: actor.agencyId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "phase",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      before: { phase: from },
      after: { phase: input.to, reason: input.reason },
    });
    return readCase(tx, actor, { ...visible, c: after });
  });
}

/**
 * The person's consent (given / not_given / unknown / withdrawn, with date and how it was obtained). Every change
 * is kept in the history; anything but "given" limits records and assessments to their writing agency and the
 * coordinators from the next request on. What was read before stays in the audit trail.
 */
export async function updateConsent(db: Db, actor: RequestActor, caseId: string, version: number, input: ConsentInput) {
  return withCase(db, actor, caseId, "consent", async (tx, visible) => {
    const { c, basis } = visible;
    policies.manageCase(basis);
    if (c.version !== version) throw staleVersion(c.version);
    const values = { consent: input.consent, consentDate: input.consentDate, consentMethod: input.consentMethod };
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, values);
    if (!after) throw staleVersion(c.version);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      kind: "consent",
      ...values,
      reason: input.reason,
      byUserId: actor.userId,
      byAgencyId: actor.agencyId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "consent",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      before: { consent: c.consent, consentDate: c.consentDate, consentMethod: c.consentMethod },
      after: { ...values, reason: input.reason },
    });
    return readCase(tx, actor, { ...visible, c: after });
  });
}

export async function addTeamAgency(
  db: Db,
  actor: RequestActor,
  caseId: string,
  version: number,
  input: AddTeamAgencyInput,
) {
  return withCase(db, actor, caseId, "team_add", async (tx, visible) => {
    const { c, team, basis } = visible;
    policies.manageCase(basis);
    if (c.version !== version) throw staleVersion(c.version);
    await checkTeamAgency(tx, actor, "agencyId", input.agencyId);
    if (team.some((t) => t.agencyId === input.agencyId)) throw conflict("この機関は既にチームに入っています");
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, {});
    if (!after) throw staleVersion(c.version);
    await repo.insertTeam(tx, [
      { municipalityId: actor.municipalityId, caseId, agencyId: input.agencyId, addedBy: actor.userId },
    ]);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      kind: "team_added",
      subjectAgencyId: input.agencyId,
      reason: input.reason,
      byUserId: actor.userId,
      byAgencyId: actor.agencyId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "team_add",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      after: { agencyId: input.agencyId, reason: input.reason },
    });
    return readCase(tx, actor, {
      ...visible,
      c: after,
      team: await repo.listTeam(tx, actor.municipalityId, caseId),
    });
  });
}

/** Removes an agency from the team; its staff lose access to the case on their next request. */
export async function removeTeamAgency(
  db: Db,
  actor: RequestActor,
  caseId: string,
  agencyId: string,
  version: number,
  reason: string | null,
) {
  return withCase(db, actor, caseId, "team_remove", async (tx, visible) => {
    const { c, team, basis } = visible;
    policies.manageCase(basis);
    if (c.version !== version) throw staleVersion(c.version);
    if (!team.some((t) => t.agencyId === agencyId)) throw notFound("チームの機関");
    if (agencyId === c.leadAgencyId) throw conflict("主担当機関はチームから外せません");
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, {});
    if (!after) throw staleVersion(c.version);
    await repo.deleteTeamAgency(tx, actor.municipalityId, caseId, agencyId);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      kind: "team_removed",
      subjectAgencyId: agencyId,
      reason,
      byUserId: actor.userId,
      byAgencyId: actor.agencyId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "team_remove",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      before: { agencyId },
      after: { reason },
    });
    return readCase(tx, actor, {
      ...visible,
      c: after,
      team: await repo.listTeam(tx, actor.municipalityId, caseId),
    });
  });
}

/**
 * Changes the issues (coordinators or the lead agency) and the lead agency (coordinators only). A new lead that is
 * not on the team yet joins it. Asking for what the case already has changes nothing (no new version, no event).
 */
export async function updateCase(db: Db, actor: RequestActor, caseId: string, version: number, input: UpdateCaseInput) {
  return withCase(db, actor, caseId, "update", async (tx, visible) => {
    const { c, team, basis } = visible;
    policies.manageCase(basis);
    const leadChanges = input.leadAgencyId !== undefined && input.leadAgencyId !== c.leadAgencyId;
    if (leadChanges) policies.changeCaseLead(basis);
    if (c.version !== version) throw staleVersion(c.version);
    const issues = input.issues ? [...new Set(input.issues)] : undefined;
    const issuesChange = issues !== undefined && !sameList(issues, c.issues);
    if (!leadChanges && !issuesChange) return readCase(tx, actor, visible);
    if (leadChanges) await checkTeamAgency(tx, actor, "leadAgencyId", input.leadAgencyId as string);
    if (issuesChange) await checkActiveConcerns(tx, actor.municipalityId, "issues", issues, c.issues);
    const values = {
      ...(issuesChange ? { issues } : {}),
      ...(leadChanges ? { leadAgencyId: input.leadAgencyId } : {}),
    };
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, values);
    if (!after) throw staleVersion(c.version);
    const who = { municipalityId: actor.municipalityId, caseId, byUserId: actor.userId, byAgencyId: actor.agencyId };
    if (issuesChange) await repo.insertEvent(tx, { ...who, kind: "issues_changed", issues, reason: input.reason });
    if (leadChanges) {
      const agencyId = input.leadAgencyId as string;
      if (!team.some((t) => t.agencyId === agencyId)) {
        await repo.insertTeam(tx, [{ municipalityId: actor.municipalityId, caseId, agencyId, addedBy: actor.userId }]);
        await repo.insertEvent(tx, { ...who, kind: "team_added", subjectAgencyId: agencyId, reason: input.reason });
      }
      await repo.insertEvent(tx, { ...who, kind: "lead_changed", subjectAgencyId: agencyId, reason: input.reason });
    }
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      before: { issues: c.issues, leadAgencyId: c.leadAgencyId },
      after: { issues: after.issues, leadAgencyId: after.leadAgencyId, reason: input.reason },
    });
    return readCase(tx, actor, {
      ...visible,
      c: after,
      team: await repo.listTeam(tx, actor.municipalityId, caseId),
    });
  });
}

/** The same categories, in any order. */
function sameList(a: string[], b: string[]) {
  const set = new Set(b);
  return a.length === set.size && a.every((x) => set.has(x));
}
