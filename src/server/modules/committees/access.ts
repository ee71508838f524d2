/** A committee as the caller may reach it: found in the municipality, and read by the plan office or a member. */
import { inTerm } from "../../../domain/committees/routing.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { type CommitteeBasis, policies } from "../../platform/policies.js";
import * as repo from "./repository.js";

export interface ReachedCommittee {
  committee: repo.CommitteeRow;
  basis: CommitteeBasis;
  /** the caller is a member in term today: it may write opinions */
  serving: boolean;
}

export async function reachCommittee(db: Executor, auth: AuthContext, committeeId: string): Promise<ReachedCommittee> {
  const committee = await repo.findCommittee(db, auth.municipalityId, committeeId);
  if (!committee) throw notFound("委員会");
  const today = todayInJapan();
  const membership = await repo.findMembership(db, auth.municipalityId, committeeId, auth.userId);
  const basis = policies.readCommittee(auth, membership, today);
  const serving = membership !== null && inTerm(membership, today);
  return { committee, basis, serving };
}
