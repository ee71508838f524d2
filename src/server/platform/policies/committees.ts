import { inTerm, type Term } from "../../../domain/committees/routing.js";
import type { AuthContext } from "../auth/context.js";
import { forbidden, notFound } from "../errors.js";
import { isPlanOffice, readsPlanSide } from "./roles.js";

/**
 * Committees: the plan office keeps them and reads everything a committee has; a member reads its own committee
 * while in term, and nobody else learns that the committee exists (404). A draft opinion is its writer's alone.
 */
export type CommitteeBasis = "office" | "member";

/** Why the caller may read a committee: the plan office, or a member on this day (YYYY-MM-DD in Japan). */
export function committeeBasis(a: AuthContext, membership: Term | null, today: string): CommitteeBasis | null {
  if (isPlanOffice(a)) return "office";
  if (readsPlanSide(a) && membership && inTerm(membership, today)) return "member";
  return null;
}

export const committeePolicies = {
  committeeBasis,
  /** reading a committee's year, its items and its opinions: 404 without a basis */
  readCommittee(a: AuthContext, membership: Term | null, today: string): CommitteeBasis {
    const basis = committeeBasis(a, membership, today);
    if (!basis) throw notFound("委員会");
    return basis;
  },
  /** only a member in term writes opinions (the plan office answers them; it writes only where it sits) */
  writeOpinion(serving: boolean): void {
    if (!serving) throw forbidden();
  },
  /** a draft is seen by its writer only; a submitted opinion by everyone who reads the committee */
  canSeeOpinion(a: AuthContext, opinion: { authorId: string; status: string }): boolean {
    return opinion.status !== "draft" || opinion.authorId === a.userId;
  },
};
