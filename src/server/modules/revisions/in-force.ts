/**
 * Approved is frozen: which version of a plan's structure (items, placements, departments, indicators, targets)
 * each reader sees.
 *
 * The live tables are the working copy. Once a plan has an approved revision, everything but the working views
 * reads a frozen snapshot, never the live tables, so nothing unapproved can show (not even what a deleted draft
 * left in the working copy):
 * - `working`: the live tables, seen only where a revision is being drafted (the plan office's draft views);
 * - `in_force`: the latest approved revision;
 * - `{ fiscalYear }`: the revision the year's evaluation was made under (in force when its round was opened, and
 *   remembered by the round when the year is closed), whatever was approved, renamed or drafted since.
 * A plan never approved (策定中) has only its live tables: every scope reads them.
 */
import type { PlanSnapshot } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import { AppError } from "../../platform/errors.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import * as repo from "./repository.js";

export type StructureScope = "working" | "in_force" | { fiscalYear: number };

export interface FrozenStructure {
  revisionId: string;
  number: number;
  label: string;
  snapshot: PlanSnapshot;
}

export interface ResolvedStructure {
  /** null: read the live tables (they are what this scope sees) */
  frozen: FrozenStructure | null;
  /** the number of the revision being drafted, if any */
  draftNumber: number | null;
}

export async function resolveStructure(
  db: Executor,
  municipalityId: string,
  planId: string,
  scope: StructureScope,
): Promise<ResolvedStructure> {
  const revisions = await repo.listRevisions(db, municipalityId, planId);
  const draft = revisions.find((r) => r.status === "draft") ?? null;
  const approved = revisions
    .filter((r): r is repo.RevisionListRow & { approvedAt: Date } => r.status === "approved" && !!r.approvedAt)
    .sort((a, b) => a.number - b.number);
  const current = approved.at(-1) ?? null;
  const draftNumber = draft?.number ?? null;
  if (scope === "working" || !current) return { frozen: null, draftNumber };

  let under = current;
  if (scope !== "in_force") {
    const round = await evaluationsRepo.findRound(db, municipalityId, planId, scope.fiscalYear);
    // a closed year is shown under the revision it remembers from its closing
    const closedUnder = round?.status === "closed" ? approved.find((r) => r.id === round.closedRevisionId) : undefined;
    if (closedUnder) under = closedUnder;
    else if (round) {
      // the latest revision approved when the round was opened; a round older than every revision (opened before
      // revisions were kept) belongs to the first one, frozen before anything was drafted
      under =
        approved.filter((r) => r.approvedAt.getTime() <= round.openedAt.getTime()).at(-1) ?? approved[0] ?? current;
    }
  }
  return {
    frozen: {
      revisionId: under.id,
      number: under.number,
      label: under.label,
      snapshot: await frozenSnapshot(db, municipalityId, under.id),
    },
    draftNumber,
  };
}

/**
 * Approved snapshots never change (approval is the only write of a snapshot, and it happens once), so the parsed
 * ones are kept, a few at a time. Correct with several processes for the same reason. Callers must not modify
 * what they get.
 */
const frozenCache = new Map<string, PlanSnapshot>();
const FROZEN_CACHE_LIMIT = 16;

export async function frozenSnapshot(db: Executor, municipalityId: string, revisionId: string): Promise<PlanSnapshot> {
  const key = `${municipalityId}:${revisionId}`;
  const hit = frozenCache.get(key);
  if (hit) {
    frozenCache.delete(key); // most recently used last
    frozenCache.set(key, hit);
    return hit;
  }
  const snapshot = await repo.loadRevisionSnapshot(db, municipalityId, revisionId);
  if (!snapshot) throw new Error(`approved revision ${revisionId} has no snapshot`);
  if (frozenCache.size >= FROZEN_CACHE_LIMIT) frozenCache.delete(frozenCache.keys().next().value as string);
  frozenCache.set(key, snapshot);
  return snapshot;
}

/**
 * Structure writes (plan settings, items, 再掲, item departments, indicators, targets, the milestone ladder) are
 * allowed while the plan has never been approved (策定中) or inside a revision draft. Outside a draft a change
 * would be seen by nobody and then slip, unreviewed, into whatever revision is drafted next.
 */
export async function assertStructureEditable(db: Executor, municipalityId: string, planId: string) {
  const current = await repo.findCurrentRevision(db, municipalityId, planId);
  if (!current) return;
  if (await repo.findDraft(db, municipalityId, planId)) return;
  throw new AppError(
    409,
    "revision_required",
    `この計画は第${current.number}版（${current.label}）が施行中です。構成・指標・目標を変えるには、改定の画面で改定を始めてください（承認するまで、他の画面には表示されません）`,
    { currentNumber: current.number },
  );
}
