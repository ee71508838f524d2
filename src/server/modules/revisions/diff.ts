/**
 * The changes between two revisions of a plan (or a revision and the working copy): what the diff screen, its xlsx
 * and csv, and the CLI show. Outside the plan office only approved revisions are compared.
 */
import { diffSnapshots } from "../../../domain/revisions/diff.js";
import type { PlanSnapshot } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { loadPlanOr404 } from "../plans/service.js";
import { frozenSnapshot } from "./in-force.js";
import { presentSide } from "./presenter.js";
import * as repo from "./repository.js";
import type { DiffQuery, RevisionRef } from "./schema.js";

interface ResolvedSide {
  snapshot: PlanSnapshot;
  side: ReturnType<typeof presentSide>;
}

async function resolveSide(db: Executor, auth: AuthContext, planId: string, ref: RevisionRef): Promise<ResolvedSide> {
  const m = auth.municipalityId;
  const live = async (draft: repo.RevisionListRow | null) => {
    const snapshot = await repo.loadLiveSnapshot(db, m, planId);
    if (!snapshot) throw notFound("計画");
    return { snapshot, side: presentSide(draft, true) };
  };
  if (ref === "live") return live(await repo.findDraft(db, m, planId));
  const row = await repo.findRevision(db, m, planId, ref);
  if (!row) throw notFound(`第${ref}版`);
  // a draft's content is the live state until it is approved
  if (row.status === "draft") return live(row);
  return { snapshot: await frozenSnapshot(db, m, row.id), side: presentSide(row, false) };
}

/**
 * The changes from one revision to another (by default from the revision in force to the live state).
 * Same service for the API, the exports and the CLI.
 */
export async function getDiff(db: Executor, auth: AuthContext, planId: string, query: DiffQuery) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const drafts = policies.canReadDraft(auth);
  const current = await repo.findCurrentRevision(db, auth.municipalityId, planId);
  // by default: the plan office compares what it drafts with what is in force; everyone else what the last
  // approval changed (the revision in force against the one before it)
  let fromRef = query.from;
  let toRef = query.to ?? (drafts ? "live" : current?.number);
  if (toRef === undefined) throw notFound("承認済みの改定");
  if (fromRef === undefined) {
    if (!current) throw notFound("承認済みの改定");
    fromRef = drafts || current.number <= 1 ? current.number : current.number - 1;
  }
  if (!drafts) {
    await assertApproved(db, auth, planId, fromRef);
    await assertApproved(db, auth, planId, toRef);
  }
  toRef = toRef as RevisionRef;
  const [from, to] = await Promise.all([resolveSide(db, auth, planId, fromRef), resolveSide(db, auth, planId, toRef)]);
  const diff = diffSnapshots(from.snapshot, to.snapshot);
  return {
    plan: { id: plan.id, title: plan.title, levelNames: to.snapshot.plan.levelNames },
    from: from.side,
    to: to.side,
    summary: diff.summary,
    changes: diff.changes,
  };
}
export type DiffResult = Awaited<ReturnType<typeof getDiff>>;

/** Outside the plan office a revision being drafted (or the working copy) is as if it did not exist. */
async function assertApproved(db: Executor, auth: AuthContext, planId: string, ref: RevisionRef) {
  if (ref === "live") throw notFound("改定案");
  const row = await repo.findRevision(db, auth.municipalityId, planId, ref);
  if (row?.status !== "approved") throw notFound(`第${ref}版`);
}
