import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import { type CaseBasis, policies } from "../../platform/policies.js";
import * as repo from "./repository.js";

export interface VisibleCase {
  c: repo.CaseRow;
  team: repo.CaseTeamRow[];
  basis: CaseBasis;
}

export const caseNotFound = () => notFound("ケース");

/**
 * Need-to-know, checked on every request against the current team (a removed agency loses access at once).
 * Hidden: a "denied" audit record is written and null returned; the caller commits and answers 404.
 */
export async function loadCase(
  tx: Executor,
  actor: RequestActor,
  caseId: string,
  action: string,
  opts: { lock?: boolean } = {},
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
  if (!c || !basis) {
    await recordDenial(tx, actor, { entityType: "case", entityId: caseId }, action);
    return null;
  }
  return { c, team, basis };
}

/** Runs `work` on a visible case in one transaction; a hidden case commits its denial and answers 404. */
export async function withCase<T>(
  db: Db,
  actor: RequestActor,
  caseId: string,
  action: string,
  work: (tx: Executor, visible: VisibleCase) => Promise<T>,
  opts: { lock?: boolean } = {},
): Promise<T> {
  return withVisible(db, (tx) => loadCase(tx, actor, caseId, action, opts), work, caseNotFound);
}
