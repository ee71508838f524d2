import { WHOLE_STREAM } from "../../../domain/import-roadmap/types.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { assertYearOpen, isYearClosed } from "../evaluations/year-lock.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentMonth, presentRoadmap, presentRoadmapListEntry, type RoadmapOwnerView } from "./presenter.js";
import * as repo from "./repository.js";
import type { MonthProgressInput } from "./schema.js";

/** The roadmap's owner as shown, the departments that enter its months, and the plan whose year may be closed. */
async function ownerOf(db: Executor, municipalityId: string, r: repo.RoadmapRow) {
  if (r.itemId) {
    const found = await repo.findItemWithDepartments(db, municipalityId, r.itemId);
    if (found) {
      const { item } = found;
      const view: RoadmapOwnerView = {
        kind: "item",
        id: item.id,
        planId: item.planId,
        code: item.code,
        title: item.title,
      };
      return { view, departmentIds: found.departmentIds, planId: item.planId };
    }
  }
  if (r.projectId) {
    const found = await repo.findProjectWithDepartments(db, municipalityId, r.projectId);
    if (found) {
      const { project } = found;
      const view: RoadmapOwnerView = { kind: "project", id: project.id, number: project.number, name: project.name };
      return { view, departmentIds: found.departmentIds, planId: null };
    }
  }
  return { view: null, departmentIds: [] as string[], planId: null };
}

/** The roadmaps of a plan's items, by item and fiscal year (the plan's page links each item to its own). */
export async function listPlanRoadmaps(db: Db, actor: AuthContext, planId: string) {
  policies.readRoadmaps(actor);
  await loadPlanOr404(db, actor, planId);
  const rows = await repo.listRoadmapsOfPlan(db, actor.municipalityId, planId);
  return { roadmaps: rows.map(presentRoadmapListEntry) };
}

export async function getRoadmap(db: Db, actor: AuthContext, roadmapId: string) {
  policies.readRoadmaps(actor);
  const m = actor.municipalityId;
  const r = await repo.findRoadmap(db, m, roadmapId);
  if (!r) throw notFound("ロードマップ");
  const [owner, months] = [await ownerOf(db, m, r), await repo.listMonths(db, m, r.id)];
  const yearClosed = owner.planId ? await isYearClosed(db, m, owner.planId, r.fiscalYear) : false;
  const canEdit = policies.canEditRoadmap(actor, owner.departmentIds) && !yearClosed;
  return { roadmap: presentRoadmap(r, months, owner.view, { canEdit, yearClosed }) };
}

/**
 * A month's actual and slip, entered by a department that owns the roadmap (or the plan office) at the version it
 * read (If-Match), with its audit record, in one transaction. The item's closed year is frozen (409). Each actual
 * names one of the roadmap's streams (or 全体); an empty text removes that stream's actual.
 */
export async function updateMonth(
  db: Db,
  actor: RequestActor,
  roadmapId: string,
  month: string,
  version: number,
  input: MonthProgressInput,
) {
  policies.readRoadmaps(actor);
  const m = actor.municipalityId;
  const row = await db.transaction(async (tx) => {
    const r = await repo.findRoadmap(tx, m, roadmapId);
    if (!r) throw notFound("ロードマップ");
    const owner = await ownerOf(tx, m, r);
    policies.editRoadmap(actor, owner.departmentIds);
    const before = await repo.findMonth(tx, m, r.id, month);
    if (!before) throw notFound("ロードマップの月");
    if (owner.planId) await assertYearOpen(tx, m, owner.planId, r.fiscalYear);
    const known = new Set([...r.streams, WHOLE_STREAM]);
    const unknown = input.actual.filter((s) => !known.has(s.stream));
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((s) => ({ field: "actual", message: `取組「${s.stream}」はこのロードマップにありません` })),
      );
    }
    const after = await repo.updateMonth(tx, m, before.id, version, {
      actual: input.actual.filter((s) => s.text.trim() !== ""),
      slipped: input.slipped,
      slipNote: input.slipNote,
      updatedBy: actor.userId,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "roadmap_month",
      entityId: after.id,
      before: { roadmapId, month, actual: before.actual, slipped: before.slipped, slipNote: before.slipNote },
      after: { roadmapId, month, actual: after.actual, slipped: after.slipped, slipNote: after.slipNote },
    });
    return after;
  });
  return { month: presentMonth(row) };
}
