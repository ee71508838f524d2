import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { withCase } from "../cases/access.js";
import * as repo from "./repository.js";
import type { MeetingLegalBasis, SupportDecisionInput } from "./schema.js";
import { presentKind } from "./settings.js";

/**
 * The case's side of meetings: its 支援決定 (the municipality decided to support it: the day and who decided, as the
 * coordinators record it) and the meetings that have it on their agenda, each shown only to a caller who may read
 * that meeting (a member of another meeting learns nothing of this one).
 */

const presentDecision = (d: NonNullable<Awaited<ReturnType<typeof repo.findSupportDecision>>>) => ({
  decidedOn: d.decidedOn,
  decidedBy: d.decidedBy,
  recordedAt: d.recordedAt,
});

export function caseMeetings(db: Db, actor: RequestActor, caseId: string) {
  return withCase(db, actor, caseId, "meetings", async (tx) => {
    const decision = await repo.findSupportDecision(tx, actor.municipalityId, caseId);
    const rows = await repo.meetingsOfCase(tx, actor.municipalityId, caseId);
    const shown = [];
    for (const { meeting: m, kind } of rows) {
      const own = await repo.ownMembership(tx, actor.municipalityId, m.id, actor.userId);
      if (!policies.meetingAccess(actor, m, kind.legalBasis as MeetingLegalBasis, own)) continue;
      shown.push({ id: m.id, title: m.title, heldOn: m.heldOn, kind: presentKind(kind) });
    }
    return { supportDecision: decision ? presentDecision(decision) : null, meetings: shown };
  });
}

export function recordSupportDecision(db: Db, actor: RequestActor, caseId: string, input: SupportDecisionInput) {
  return withCase(db, actor, caseId, "support_decision", async (tx, { basis }) => {
    policies.recordSupportDecision(basis);
    if (input.decidedOn > todayInJapan())
      throw new ValidationError([{ field: "decidedOn", message: "支援決定の日に未来の日付は入力できません" }]);
    const row = await repo.insertSupportDecision(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      ...input,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    });
    if (!row) throw conflict("このケースの支援決定は既に記録されています");
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "support_decision",
      entityType: "case",
      entityId: caseId,
      basis: `case:${basis}`,
      after: input,
    });
    return { supportDecision: presentDecision(row) };
  });
}
