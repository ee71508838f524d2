import type { Db, Executor } from "../../db/client.js";
import { GenerationCache } from "../../db/write-generation.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { frozenPlan } from "../revisions/frozen-views.js";
import { assertStructureEditable, resolveStructure } from "../revisions/in-force.js";
import { findCurrentRevision } from "../revisions/repository.js";
import { recordPlanChange } from "./plan-change.js";
import { frozenItemDtos, presentItem, presentPlan } from "./presenter.js";
import * as repo from "./repository.js";
import type { ItemInput, ItemPatch, PlanInput } from "./schema.js";

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;
/** Plan rows reused while the embedded database is unchanged (read-only for callers: shared between requests). */
const planRows = new GenerationCache<Readonly<PlanRow> | null>(1_000);

export async function loadPlanOr404(db: Executor, actor: AuthContext, planId: string) {
  const plan = await planRows.get(db, `${actor.municipalityId}:${planId}`, () =>
    repo.findPlan(db, actor.municipalityId, planId),
  );
  if (!plan) throw notFound("計画");
  return plan;
}

/**
 * The plan, for a change of its structure (settings, items, 再掲, departments of items, indicators, targets, the
 * milestone ladder): allowed while the plan has never been approved, or inside a revision draft (409 otherwise).
 */
export async function loadPlanForStructureChange(tx: Executor, actor: AuthContext, planId: string) {
  const plan = await loadPlanOr404(tx, actor, planId);
  await assertStructureEditable(tx, actor.municipalityId, planId);
  return plan;
}

/**
 * The plan and its tree as in force; `revision: "draft"` gives the plan office the working copy of the revision it
 * drafts. `shown` says which it is (and whether a draft exists) so that a screen can say so.
 */
export async function getPlanWithItems(
  db: Executor,
  actor: AuthContext,
  planId: string,
  opts: { revision?: "draft" } = {},
) {
  policies.readPlans(actor);
  if (opts.revision === "draft") policies.readDraft(actor);
  const plan = await loadPlanOr404(db, actor, planId);
  const { frozen, draftNumber } = await resolveStructure(
    db,
    actor.municipalityId,
    planId,
    opts.revision === "draft" ? "working" : "in_force",
  );
  const [items, placements, itemDepts] = await Promise.all([
    repo.listItems(db, actor.municipalityId, planId),
    repo.listPlacements(db, actor.municipalityId, planId),
    repo.listItemDepartments(db, actor.municipalityId, planId),
  ]);
  const current = frozen ?? (await currentRevisionOf(db, actor.municipalityId, planId));
  const shown = {
    /** in_force: an approved revision; draft: the working copy of the draft; unapproved: never approved (策定中) */
    kind: opts.revision === "draft" && draftNumber ? "draft" : current ? "in_force" : "unapproved",
    number: opts.revision === "draft" ? draftNumber : (current?.number ?? null),
    label: opts.revision === "draft" ? null : (current?.label ?? null),
    /** seen only by the plan office */
    draftNumber: policies.canReadDraft(actor) ? draftNumber : null,
  };
  if (frozen)
    return {
      plan: presentPlan(frozenPlan(plan, frozen.snapshot)),
      items: frozenItemDtos(frozen.snapshot, items),
      shown,
    };
  const deptsByItem = new Map<string, string[]>();
  for (const d of itemDepts) deptsByItem.set(d.itemId, [...(deptsByItem.get(d.itemId) ?? []), d.departmentId]);
  return {
    plan: presentPlan(plan),
    items: items.map((i) => presentItem(i, deptsByItem.get(i.id) ?? [], placements)),
    shown,
  };
}

async function currentRevisionOf(db: Executor, municipalityId: string, planId: string) {
  const row = await findCurrentRevision(db, municipalityId, planId);
  return row ? { number: row.number, label: row.label } : null;
}

export async function createPlan(db: Db, actor: RequestActor, input: PlanInput) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, actor.municipalityId, input);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "plan",
      entityId: plan.id,
      after: plan,
    });
    return presentPlan(plan);
  });
}

export async function updatePlan(db: Db, actor: RequestActor, planId: string, version: number, input: PlanInput) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const before = await loadPlanForStructureChange(tx, actor, planId);
    const after = await repo.updatePlan(tx, actor.municipalityId, planId, version, input);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "plan",
      entityId: planId,
      before,
      after,
    });
    return presentPlan(after);
  });
}

async function checkDepartments(tx: Executor, actor: AuthContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if ((await repo.countExistingDepartments(tx, actor.municipalityId, unique)) !== unique.length) {
    throw new ValidationError([{ field: "departmentIds", message: "存在しない担当課が指定されています" }]);
  }
  return unique;
}

/** What the audit record of a change to a plan's items says: the kind of change, the item, before and after. */
interface ItemAudit {
  action: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * A change to a plan's items (the plan office's; inside a draft once a revision was approved): `work` changes and
 * answers; the plan's version moves (its cached views are rebuilt) and the audit record lands in the same transaction.
 */
function changeItems<T>(
  db: Db,
  actor: RequestActor,
  planId: string,
  work: (tx: Executor, plan: PlanRow) => Promise<{ result: T; audit: ItemAudit }>,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForStructureChange(tx, actor, planId);
    const { result, audit } = await work(tx, plan);
    await recordPlanChange(tx, actor, planId, { entityType: "plan_item", ...audit });
    return result;
  });
}

export function addItem(db: Db, actor: RequestActor, planId: string, input: ItemInput) {
  return changeItems(db, actor, planId, async (tx, plan) => {
    let level = 0;
    if (input.parentItemId) {
      const parent = await repo.findItem(tx, actor.municipalityId, planId, input.parentItemId);
      if (!parent) throw new ValidationError([{ field: "parentItemId", message: "親項目が見つかりません" }]);
      level = parent.level + 1;
    }
    if (level >= plan.levelNames.length) {
      throw new ValidationError([
        {
          field: "parentItemId",
          message: `この計画の階層は${plan.levelNames.length}段までです（${plan.levelNames.join(" → ")}）`,
        },
      ]);
    }
    const departmentIds = await checkDepartments(tx, actor, input.departmentIds);
    const item = await repo.insertItem(tx, actor.municipalityId, planId, { ...input, level });
    const position = await repo.nextPosition(tx, actor.municipalityId, planId, input.parentItemId);
    const placement = await repo.insertPlacement(
      tx,
      actor.municipalityId,
      planId,
      item.id,
      input.parentItemId,
      position,
      false,
    );
    await repo.setItemDepartments(tx, actor.municipalityId, item.id, departmentIds);
    return {
      result: presentItem(item, departmentIds, [placement]),
      audit: {
        action: "create",
        entityId: item.id,
        after: { ...item, departmentIds, parentItemId: input.parentItemId },
      },
    };
  });
}

export function updateItem(
  db: Db,
  actor: RequestActor,
  planId: string,
  itemId: string,
  version: number,
  patch: ItemPatch,
) {
  return changeItems(db, actor, planId, async (tx) => {
    const before = await repo.findItem(tx, actor.municipalityId, planId, itemId);
    if (!before) throw notFound("項目");
    const beforeDepts = await repo.departmentIdsOfItem(tx, actor.municipalityId, itemId);
    const { departmentIds: newDepts, ...fields } = patch;
    const after = await repo.updateItem(tx, actor.municipalityId, itemId, version, fields);
    if (!after) throw staleVersion(before.version);
    let departmentIds = beforeDepts;
    if (newDepts) {
      departmentIds = await checkDepartments(tx, actor, newDepts);
      await repo.setItemDepartments(tx, actor.municipalityId, itemId, departmentIds);
    }
    const placements = await repo.listPlacements(tx, actor.municipalityId, planId);
    return {
      result: presentItem(after, departmentIds, placements),
      audit: {
        action: "update",
        entityId: itemId,
        before: { ...before, departmentIds: beforeDepts },
        after: { ...after, departmentIds },
      },
    };
  });
}

/** 再掲: show the same item under another parent. Results entered once show in every place. */
export function relistItem(db: Db, actor: RequestActor, planId: string, itemId: string, parentItemId: string) {
  return changeItems(db, actor, planId, async (tx) => {
    const item = await repo.findItem(tx, actor.municipalityId, planId, itemId);
    if (!item) throw notFound("項目");
    const parent = await repo.findItem(tx, actor.municipalityId, planId, parentItemId);
    if (!parent) throw new ValidationError([{ field: "parentItemId", message: "再掲先の項目が見つかりません" }]);
    if (parent.level !== item.level - 1) {
      throw new ValidationError([
        { field: "parentItemId", message: "再掲先は、この項目の一つ上の階層の項目を選んでください" },
      ]);
    }
    if (await repo.findPlacement(tx, actor.municipalityId, itemId, parentItemId)) {
      throw conflict("この項目は既にその場所に掲載されています");
    }
    const position = await repo.nextPosition(tx, actor.municipalityId, planId, parentItemId);
    const placement = await repo.insertPlacement(
      tx,
      actor.municipalityId,
      planId,
      itemId,
      parentItemId,
      position,
      true,
    );
    return { result: placement, audit: { action: "relist", entityId: itemId, after: placement } };
  });
}

export async function removeRelisting(
  db: Db,
  actor: RequestActor,
  planId: string,
  itemId: string,
  parentItemId: string,
) {
  await changeItems(db, actor, planId, async (tx) => {
    const placement = await repo.findPlacement(tx, actor.municipalityId, itemId, parentItemId);
    if (!placement?.relisted) throw notFound("再掲");
    await repo.deletePlacement(tx, actor.municipalityId, placement.id);
    return { result: undefined, audit: { action: "unrelist", entityId: itemId, before: placement } };
  });
}
