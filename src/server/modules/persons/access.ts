import type { Executor } from "../../db/client.js";
import { type Actor, type AuditEntry, actorOf } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { type PersonBasis, personPolicies } from "../../platform/policies.js";
import * as repo from "./repository.js";

/**
 * Need-to-know on persons for the other modules (households, referrals, the audit trail): the basis of each of
 * `personIds` the caller may see in full; persons without one (or not found) are absent from the map.
 */
export async function personBases(tx: Executor, actor: AuthContext, personIds: readonly string[]) {
  const caller = { agencyId: actor.agencyId ?? null, userId: actor.userId };
  const facts = await repo.personFacts(tx, actor.municipalityId, caller, [...new Set(personIds)]);
  const bases = new Map<string, PersonBasis>();
  for (const f of facts) {
    const basis = personPolicies.personBasis(actor, f);
    if (basis) bases.set(f.id, basis);
  }
  return bases;
}

/**
 * A person shown to the caller, as the audit trail records it: a read with the basis it was shown on (and what the
 * record adds, e.g. the registration a duplicate check was made for). Written in the transaction that shows it.
 */
export function personRead(actor: Actor, personId: string, basis: string, after?: unknown): AuditEntry {
  return { ...actorOf(actor), action: "read", entityType: "person", entityId: personId, basis, after };
}

/**
 * The basis as the audit trail stores it after the door it was used through, e.g. "search;referral:<id>" or
 * "duplicate_check;registrar". The referral or case stays findable: asking the trail about it finds these reads.
 */
export function auditBasis(via: "search" | "duplicate_check", basis: PersonBasis) {
  switch (basis.kind) {
    case "referral":
      return `${via};referral:${basis.referralId}`;
    case "case":
      return `${via};case:${basis.caseId}`;
    case "consent":
      return `${via};consent:${basis.consentId}`;
    case "meeting":
      return `${via};art106_6:meeting:${basis.meetingId}`;
    default:
      return `${via};${basis.kind}`;
  }
}

/** Every basis a read of a person made through a referral or a case carries (who looked at it: the audit trail). */
export function auditBasesThrough(kind: "referral" | "case" | "consent", id: string) {
  const basis: PersonBasis =
    kind === "referral" ? { kind, referralId: id } : kind === "case" ? { kind, caseId: id } : { kind, consentId: id };
  return [`${kind}:${id}`, auditBasis("search", basis), auditBasis("duplicate_check", basis)];
}
