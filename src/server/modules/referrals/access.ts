import type { Db, Executor } from "../../db/client.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import { type PersonBasis, policies, type ReferralBasis } from "../../platform/policies.js";
import type { presentReferral } from "./presenter.js";
import * as repo from "./repository.js";

/** Need-to-know on a referral: who may open it, on what basis, and what of the person it shows them. */
/**
 * What a read of the referral's person is based on, as the audit trail names it, or null when the caller may see
 * the referral but not the person: the coordinators and the sender as before ("referral:<id>"); a receiver only
 * with a basis for the person, in practice the person's consent covering it ("consent:<id>"), as referrals sent
 * before consent was required may lack one.
 */
export function readBasis(
  actor: AuthContext,
  referral: repo.ReferralRow,
  person: PersonBasis | undefined,
  agendaMeetingId: string | null = null,
): string | null {
  const basis = policies.referralBasis(actor, referral, agendaMeetingId);
  // the meeting took the referral up: its members share it without consent, bound by confidentiality (art. 106-6)
  if (basis === "meeting_member") return `art106_6:meeting:${agendaMeetingId}`;
  if (basis === "receiver") {
    // receiving is no basis: the person's consent covering the receiver is, or one the receiver has anyway (it
    // registered the person, or leads their case), recorded under the sheet as before
    if (!person) return null;
    if (person.kind === "consent") return `consent:${person.consentId}`;
    return person.kind === "meeting" ? `art106_6:meeting:${person.meetingId}` : `referral:${referral.id}`;
  }
  return basis ? `referral:${referral.id}` : null;
}

/**
 * A referral as shown: in full, or, to a receiver without the person's consent, without what it says about the
 * person (who, what was observed, the concerns).
 */
export function presentShown(r: ReturnType<typeof presentReferral>, shown: boolean) {
  if (shown)
    return { ...r, personId: r.personId as string | null, observed: r.observed as string | null, personHidden: false };
  return { ...r, personId: null, observed: null, concerns: [] as string[], personHidden: true };
}

/**
 * One request on a referral the caller may see, in one transaction. A hidden referral answers 404 and leaves a
 * "denied" record; the denial is committed even though the request fails.
 */
export function onReferral<T>(
  db: Db,
  actor: RequestActor,
  referralId: string,
  action: string,
  work: (tx: Executor, referral: repo.ReferralRow, basis: ReferralBasis, agendaMeetingId: string | null) => Promise<T>,
) {
  return withVisible(
    db,
    async (tx) => {
      const referral = await repo.findReferral(tx, actor.municipalityId, referralId);
      let basis = referral ? policies.referralBasis(actor, referral) : null;
      let agendaMeetingId: string | null = null;
      // not the coordinators, the sender or the receiver: a 支援会議 that took the referral up may give it
      if (referral && !basis && actor.userId) {
        agendaMeetingId = await repo.meetingGivingReferral(tx, actor.municipalityId, referral.id, actor.userId);
        basis = policies.referralBasis(actor, referral, agendaMeetingId);
      }
      if (referral && basis) return { referral, basis, agendaMeetingId };
      await recordDenial(tx, actor, { entityType: "referral", entityId: referralId }, action);
      return null;
    },
    (tx, { referral, basis, agendaMeetingId }) => work(tx, referral, basis, agendaMeetingId),
    () => notFound("つなぐシート"),
  );
}

/**
 * The meetings that took the referral up, as the caller may know them: every one to the coordinators, the one that
 * gives a meeting's member the referral, none to the sender and receiver (a 支援会議's agenda is confidential).
 */
export async function meetingsShown(
  tx: Executor,
  actor: RequestActor,
  referralId: string,
  basis: ReferralBasis,
  agendaMeetingId: string | null,
) {
  if (basis !== "coordinator" && basis !== "meeting_member") return [];
  const all = await repo.meetingsOfReferral(tx, actor.municipalityId, referralId);
  return basis === "coordinator" ? all : all.filter((m) => m.id === agendaMeetingId);
}
