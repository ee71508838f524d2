import { PHASE_LABELS } from "../../../domain/labels/support.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { checkActiveConcerns } from "../concerns/service.js";
import { checkPhaseAgainstPlans } from "../support-plans/phase-gates.js";
import { type VisibleCase, withCase } from "./access.js";
import * as repo from "./repository.js";
import {
  type AddTeamAgencyInput,
  type ChangePhaseInput,
  nextPhase,
  PHASE_TRANSITIONS,
  type Phase,
  type UpdateCaseInput,
} from "./schema.js";
import { checkTeamAgency, readCase } from "./service.js";

/**
 * Phase, consent and team changes: the coordinators or the lead agency; the case version (If-Match) must be
 * current. Each change bumps the version, writes its events (who, when, why) and its audit record in one transaction.
 */

type CaseEvent = Omit<repo.CaseEventInput, "municipalityId" | "caseId" | "byUserId" | "byAgencyId">;

export interface CaseChange {
  /** the case's columns that change (none for a team change: the version still moves) */
  values?: repo.CaseValues;
  /** writes beside the case row (the team), after the version moved */
  alsoWrite?: (tx: Executor) => Promise<unknown>;
  events: CaseEvent[];
  audit: { before?: unknown; after: unknown };
  /** what the audit record is about when it is not the case itself (a consent of the case) */
  entity?: { type: string; id: string };
}

/**
 * One change of a case, the same way for every kind: `authorize` refuses on top of policies.manageCase (before
 * the version is looked at), `decide` checks the request and names the change, or null when there is nothing to
 * change (no version, no event, no audit record).
 */
export function changeCase(
  db: Db,
  actor: RequestActor,
  caseId: string,
  version: number,
  action: string,
  decide: (tx: Executor, visible: VisibleCase) => Promise<CaseChange | null>,
  authorize?: (visible: VisibleCase) => void,
) {
  return withCase(db, actor, caseId, action, async (tx, visible) => {
    const { c, basis } = visible;
    policies.manageCase(basis);
    authorize?.(visible);
    if (c.version !== version) throw staleVersion(c.version);
    const change = await decide(tx, visible);
    if (!change) return readCase(tx, actor, visible);
    const after = await repo.updateCase(tx, actor.municipalityId, caseId, version, change.values ?? {});
    if (!after) throw staleVersion(c.version);
    await change.alsoWrite?.(tx);
    const who = { municipalityId: actor.municipalityId, caseId, byUserId: actor.userId, byAgencyId: actor.agencyId };
    for (const event of change.events) await repo.insertEvent(tx, { ...who, ...event });
    await recordAudit(tx, {
      ...actorOf(actor),
      action,
      entityType: change.entity?.type ?? "case",
      entityId: change.entity?.id ?? caseId,
      basis: `case:${basis}`,
      ...change.audit,
    });
    const team = change.alsoWrite ? await repo.listTeam(tx, actor.municipalityId, caseId) : visible.team;
    return readCase(tx, actor, { ...visible, c: after, team });
  });
}

export function changePhase(db: Db, actor: RequestActor, caseId: string, version: number, input: ChangePhaseInput) {
  return changeCase(db, actor, caseId, version, "phase", async (tx, { c }) => {
    const from = c.phase as Phase;
    if (!PHASE_TRANSITIONS[from]?.includes(input.to)) {
      throw new ValidationError([
        {
          field: "to",
          message: `「${PHASE_LABELS[from] ?? from}」から「${PHASE_LABELS[input.to]}」には進められません`,
        },
      ]);
    }
    await checkPhaseAgainstPlans(tx, actor.municipalityId, caseId, input.to);
    if (input.to !== nextPhase(from) && !input.reason)
      throw new ValidationError([{ field: "reason", message: "段階を戻す・終結する理由を入力してください" }]);
    return {
      values: { phase: input.to },
      events: [{ kind: "phase", phase: input.to, reason: input.reason }],
      audit: { before: { phase: from }, after: { phase: input.to, reason: input.reason } },
    };
  });
}

export function addTeamAgency(db: Db, actor: RequestActor, caseId: string, version: number, input: AddTeamAgencyInput) {
  const { agencyId, reason } = input;
  return changeCase(db, actor, caseId, version, "team_add", async (tx, { team }) => {
    await checkTeamAgency(tx, actor, "agencyId", agencyId);
    if (team.some((t) => t.agencyId === agencyId)) throw conflict("この機関は既にチームに入っています");
    return {
      alsoWrite: (tx) =>
        repo.insertTeam(tx, [{ municipalityId: actor.municipalityId, caseId, agencyId, addedBy: actor.userId }]),
      events: [{ kind: "team_added", subjectAgencyId: agencyId, reason }],
      audit: { after: { agencyId, reason } },
    };
  });
}

/** Removes an agency from the team; its staff lose access to the case on their next request. */
export function removeTeamAgency(
  db: Db,
  actor: RequestActor,
  caseId: string,
  agencyId: string,
  version: number,
  reason: string | null,
) {
  return changeCase(db, actor, caseId, version, "team_remove", async (_tx, { c, team }) => {
    if (!team.some((t) => t.agencyId === agencyId)) throw notFound("チームの機関");
    if (agencyId === c.leadAgencyId) throw conflict("主担当機関はチームから外せません");
    return {
      alsoWrite: (tx) => repo.deleteTeamAgency(tx, actor.municipalityId, caseId, agencyId),
      events: [{ kind: "team_removed", subjectAgencyId: agencyId, reason }],
      audit: { before: { agencyId }, after: { reason } },
    };
  });
}

/**
 * Changes the issues (coordinators or the lead agency) and the lead agency (coordinators only). A new lead that is
 * not on the team yet joins it. Asking for what the case already has changes nothing (no new version, no event).
 */
export function updateCase(db: Db, actor: RequestActor, caseId: string, version: number, input: UpdateCaseInput) {
  const leadChanges = (c: repo.CaseRow) => input.leadAgencyId !== undefined && input.leadAgencyId !== c.leadAgencyId;
  const decide = async (tx: Executor, { c, team }: VisibleCase): Promise<CaseChange | null> => {
    const issues = input.issues ? [...new Set(input.issues)] : undefined;
    const issuesChange = issues !== undefined && !sameList(issues, c.issues);
    const lead = leadChanges(c) ? (input.leadAgencyId as string) : null;
    if (!lead && !issuesChange) return null;
    if (lead) await checkTeamAgency(tx, actor, "leadAgencyId", lead);
    if (issuesChange) await checkActiveConcerns(tx, actor.municipalityId, "issues", issues, c.issues);
    const joins = lead !== null && !team.some((t) => t.agencyId === lead);
    const { reason } = input;
    const events: CaseEvent[] = [];
    if (issuesChange) events.push({ kind: "issues_changed", issues, reason });
    if (joins) events.push({ kind: "team_added", subjectAgencyId: lead, reason });
    if (lead) events.push({ kind: "lead_changed", subjectAgencyId: lead, reason });
    const values = { ...(issuesChange ? { issues } : {}), ...(lead ? { leadAgencyId: lead } : {}) };
    return {
      values,
      alsoWrite: joins
        ? (tx) =>
            repo.insertTeam(tx, [
              { municipalityId: actor.municipalityId, caseId, agencyId: lead, addedBy: actor.userId },
            ])
        : undefined,
      events,
      audit: {
        before: { issues: c.issues, leadAgencyId: c.leadAgencyId },
        after: { issues: values.issues ?? c.issues, leadAgencyId: values.leadAgencyId ?? c.leadAgencyId, reason },
      },
    };
  };
  return changeCase(db, actor, caseId, version, "update", decide, ({ c, basis }) => {
    if (leadChanges(c)) policies.changeCaseLead(basis);
  });
}

/** The same categories, in any order. */
function sameList(a: string[], b: string[]) {
  const set = new Set(b);
  return a.length === set.size && a.every((x) => set.has(x));
}
