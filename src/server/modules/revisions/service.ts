/**
 * ローリング方式: plan revisions. The live tables are the working copy; a revision is a frozen snapshot of the whole
 * plan. "Start" numbers the next revision as a draft (freezing the current state as revision 1 first when the plan
 * has no approved revision yet, so that there is a baseline to compare with); "approve" freezes the live state into
 * the draft. A draft has no snapshot: its content is the live state.
 */
import { createHash } from "node:crypto";
import { currentFiscalYear, formatFiscalYear } from "../../../domain/fiscal-year.js";
import { revisionOfRounds, revisionsInForce } from "../../../domain/revisions/in-force.js";
import type { PlanSnapshot } from "../../../domain/revisions/snapshot.js";
import type { Db, Executor } from "../../db/client.js";
import { type Actor, type AuditEntry, actorOf, canonicalJson, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { AppError, conflict, notFound, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { touchPlan } from "../plans/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentRevision } from "./presenter.js";
import * as repo from "./repository.js";
import type { StartRevisionInput } from "./schema.js";

export const BASELINE_LABEL = "策定時";

/** "令和7年度改定": the fiscal year of today in Japan, whatever the server's time zone. */
export function defaultRevisionLabel(now = new Date()): string {
  return `${formatFiscalYear(currentFiscalYear(now))}改定`;
}

/** The revisions; a revision being drafted only to the plan office (where it is drafted). */
export async function listRevisions(db: Executor, auth: AuthContext, planId: string) {
  policies.readPlans(auth);
  await loadPlanOr404(db, auth, planId);
  const list = await loadRevisionList(db, auth.municipalityId, planId);
  if (policies.canReadDraft(auth)) return list;
  return { ...list, revisions: list.revisions.filter((r) => r.status !== "draft"), draft: null };
}

/** Every revision of a plan with the years it was in force, and each year's evaluation with its revision. */
async function loadRevisionList(db: Executor, municipalityId: string, planId: string) {
  const [rows, rounds] = await Promise.all([
    repo.listRevisions(db, municipalityId, planId),
    evaluationsRepo.listRounds(db, municipalityId, planId),
  ]);
  const roundTimes = rounds.map((r) => ({ fiscalYear: r.fiscalYear, openedAt: r.openedAt }));
  const inForce = revisionsInForce(rows, roundTimes);
  const current = rows.filter((r) => r.status === "approved").at(-1) ?? null;
  return {
    revisions: rows.map((r) => presentRevision(r, rows, inForce.get(r.number))),
    current: current?.number ?? null,
    draft: rows.find((r) => r.status === "draft")?.number ?? null,
    /** each year's evaluation round and the revision it was made under */
    rounds: revisionOfRounds(rows, roundTimes).map((r) => ({ ...r, openedAt: r.openedAt.toISOString() })),
  };
}

/** A revision as the list shows it (with the years it was in force), read back inside the writing transaction. */
async function listedRevision(tx: Executor, municipalityId: string, planId: string, revisionId: string) {
  const { revisions } = await loadRevisionList(tx, municipalityId, planId);
  const revision = revisions.find((r) => r.id === revisionId);
  if (!revision) throw new Error("revision vanished");
  return { revision, revisions };
}

/**
 * The revision a change names, with the plan's revisions locked for the change; the version is checked first, so a
 * client that has not seen an approval reloads before being told anything else.
 */
async function lockedRevision(tx: Executor, actor: RequestActor, planId: string, number: number, version: number) {
  await loadPlanOr404(tx, actor, planId);
  await repo.lockPlanRevisions(tx, actor.municipalityId, planId);
  const before = await repo.findRevision(tx, actor.municipalityId, planId, number);
  if (!before) throw notFound("改定");
  if (before.version !== version) throw staleVersion(before.version);
  return before;
}

const snapshotDigest = (s: PlanSnapshot) => createHash("sha256").update(canonicalJson(s)).digest("hex");

async function freezeLive(tx: Executor, actor: Actor, planId: string): Promise<PlanSnapshot> {
  const live = await repo.loadLiveSnapshot(tx, actor.municipalityId, planId);
  if (!live) throw notFound("計画");
  return { ...live, frozenBy: actor.loginId };
}

/** The audit keeps the revision without its (large) snapshot, and the snapshot's SHA-256 to prove what it was. */
function auditView(row: repo.RevisionRow) {
  const { snapshot, ...rest } = row;
  return {
    ...rest,
    snapshotItems: snapshot ? (snapshot as PlanSnapshot).items.length : null,
    snapshotSha256: snapshot ? snapshotDigest(snapshot as PlanSnapshot) : null,
  };
}

export async function startRevision(db: Db, actor: RequestActor, planId: string, input: StartRevisionInput) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    await repo.lockPlanRevisions(tx, actor.municipalityId, planId);
    const draft = await repo.findDraft(tx, actor.municipalityId, planId);
    if (draft) {
      throw new AppError(
        409,
        "conflict",
        `改定案（第${draft.number}版 ${draft.label}）が既にあります。承認してから次の改定を始めてください`,
        {
          draftNumber: draft.number,
        },
      );
    }
    const { revision: base, audit: baselineAudit } = await freezeBaseline(tx, actor, planId);
    const audits: AuditEntry[] = baselineAudit ? [baselineAudit] : [];
    const baseline = baselineAudit ? base : null;
    const created = await repo.insertRevision(tx, {
      municipalityId: actor.municipalityId,
      planId,
      number: (await repo.maxNumber(tx, actor.municipalityId, planId)) + 1,
      label: input.label ?? defaultRevisionLabel(),
      status: "draft",
      basedOnRevisionId: base.id,
      snapshot: null,
      approvedBy: null,
    });
    audits.push({
      ...actorOf(actor),
      action: "create",
      entityType: "plan_revision",
      entityId: created.id,
      after: auditView(created),
    });
    await recordAuditBatch(tx, audits);
    // what each screen sees changes with a draft (the revision in force is read from its snapshot): new version
    await touchPlan(tx, actor.municipalityId, planId);
    const { revision, revisions } = await listedRevision(tx, actor.municipalityId, planId, created.id);
    return { revision, baseline: revisions.find((r) => r.id === baseline?.id) ?? null };
  });
}

export async function approveRevision(db: Db, actor: RequestActor, planId: string, number: number, version: number) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const before = await lockedRevision(tx, actor, planId, number, version);
    if (before.status !== "draft") throw conflict(`第${number}版は既に承認されています`);
    const snapshot = await freezeLive(tx, actor, planId);
    const after = await repo.approveRevision(
      tx,
      actor.municipalityId,
      before.id,
      version,
      snapshot,
      actor.userId ?? null,
    );
    if (!after) throw staleVersion(before.version);
    await recordPlanChange(tx, actor, planId, {
      action: "approve",
      entityType: "plan_revision",
      entityId: after.id,
      before,
      after: auditView(after),
    });
    return (await listedRevision(tx, actor.municipalityId, planId, after.id)).revision;
  });
}

/**
 * Deletes a revision that is still a draft (the plan office, with its version). The live tables are untouched: what
 * was edited since the draft was started stays as the working copy (a later draft starts from it). An approved
 * revision is a record of what was in force and is never deleted (409).
 */
export async function deleteRevision(db: Db, actor: RequestActor, planId: string, number: number, version: number) {
  policies.managePlans(actor);
  await db.transaction(async (tx) => {
    const before = await lockedRevision(tx, actor, planId, number, version);
    if (before.status !== "draft") {
      throw conflict(`第${number}版「${before.label}」は承認済みのため削除できません。承認した版は記録として残ります`);
    }
    const deleted = await repo.deleteDraftRevision(tx, actor.municipalityId, before.id, version);
    if (!deleted) throw staleVersion(before.version);
    await recordPlanChange(tx, actor, planId, {
      action: "delete",
      entityType: "plan_revision",
      entityId: before.id,
      before,
    });
  });
}

/**
 * The revision in force, freezing the live state as 第1版（策定時）first when the plan has none: the baseline is
 * taken before anything of the plan can be drafted, and before the first evaluation round is opened, so that an
 * evaluated year always has the structure it was made under.
 */
async function freezeBaseline(tx: Executor, actor: Actor, planId: string) {
  const current = await repo.findCurrentRevision(tx, actor.municipalityId, planId);
  if (current) return { revision: current, audit: null };
  const baseline = await repo.insertRevision(tx, {
    municipalityId: actor.municipalityId,
    planId,
    number: (await repo.maxNumber(tx, actor.municipalityId, planId)) + 1,
    label: BASELINE_LABEL,
    status: "approved",
    basedOnRevisionId: null,
    snapshot: await freezeLive(tx, actor, planId),
    approvedBy: actor.userId ?? null,
  });
  const audit: AuditEntry = {
    ...actorOf(actor),
    action: "approve",
    entityType: "plan_revision",
    entityId: baseline.id,
    basis: "baseline",
    after: auditView(baseline),
  };
  return { revision: baseline, audit };
}

/** Freezes the baseline (第1版) if the plan has none yet, with its audit record, in the caller's transaction. */
export async function ensureBaseline(tx: Executor, actor: Actor, planId: string) {
  await repo.lockPlanRevisions(tx, actor.municipalityId, planId);
  const { audit } = await freezeBaseline(tx, actor, planId);
  if (audit) await recordAuditBatch(tx, [audit]);
}
