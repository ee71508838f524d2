/**
 * The plan office's changes to indicators themselves: create (with its targets), update, delete. Each is one
 * transaction on the working copy with its audit record, and bumps the plan's version.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { parseTarget } from "../../../domain/indicators/target.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, type FieldError, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { recordPlanChange } from "../plans/plan-change.js";
import * as plansRepo from "../plans/repository.js";
import { loadPlanForStructureChange } from "../plans/service.js";
import { findCurrentRevision } from "../revisions/repository.js";
import { loadIndicatorForCaller } from "./access.js";
import { liveDetailOf } from "./detail.js";
import * as repo from "./repository.js";
import type { IndicatorInput, IndicatorPatch } from "./schema.js";
import { ladderOf, typingOf } from "./typing.js";
import { actualSnapshot, checkInPlanPeriod, indicatorSnapshot } from "./writes.js";
import * as yearly from "./yearly-repository.js";

export async function createIndicator(db: Db, actor: RequestActor, planId: string, input: IndicatorInput) {
  policies.manageIndicators(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForStructureChange(tx, actor, planId);
    const item = await plansRepo.findItem(tx, actor.municipalityId, planId, input.itemId);
    if (!item) throw new ValidationError([{ field: "itemId", message: "この計画の項目が見つかりません" }]);
    const errors: FieldError[] = [];
    input.targets.forEach((t, i) => {
      try {
        checkInPlanPeriod(plan, t.fiscalYear, `targets.${i}.fiscalYear`);
      } catch (e) {
        if (e instanceof ValidationError) errors.push(...e.fields);
        else throw e;
      }
    });
    if (errors.length) throw new ValidationError(errors);
    const position = await repo.nextIndicatorPosition(tx, actor.municipalityId, planId);
    const indicator = await repo.insertIndicator(tx, {
      municipalityId: actor.municipalityId,
      planId,
      itemId: item.id,
      kind: input.kind,
      name: input.name,
      baselineSource: input.baselineSource ?? null,
      baselineFiscalYear: input.baselineFiscalYear ?? null,
      position,
    });
    const ladder = ladderOf(plan);
    await yearly.insertTargets(
      tx,
      input.targets.map((t) => ({
        municipalityId: actor.municipalityId,
        indicatorId: indicator.id,
        fiscalYear: t.fiscalYear,
        source: t.source,
        ...typingOf(parseTarget(t.source, ladder)),
      })),
    );
    await recordPlanChange(tx, actor, planId, {
      action: "create",
      entityType: "indicator",
      entityId: indicator.id,
      after: { ...indicatorSnapshot(indicator), targets: input.targets },
    });
    return liveDetailOf(tx, actor, plan, indicator);
  });
}

export async function updateIndicator(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  version: number,
  patch: IndicatorPatch,
) {
  return db.transaction(async (tx) => {
    const { indicator: before } = await loadIndicatorForCaller(tx, actor, indicatorId, "working");
    policies.manageIndicators(actor);
    const plan = await loadPlanForStructureChange(tx, actor, before.planId);
    if (before.version !== version) throw staleVersion(before.version);
    if (patch.itemId !== undefined && !(await plansRepo.findItem(tx, actor.municipalityId, plan.id, patch.itemId))) {
      throw new ValidationError([{ field: "itemId", message: "この計画の項目が見つかりません" }]);
    }
    const values: Partial<repo.IndicatorRow> = {};
    for (const key of ["itemId", "kind", "name", "baselineSource", "baselineFiscalYear", "position"] as const) {
      const v = patch[key];
      if (v !== undefined) (values as Record<string, unknown>)[key] = v;
    }
    const after = await repo.updateIndicator(tx, actor.municipalityId, indicatorId, version, values);
    if (!after) throw staleVersion(before.version);
    await recordPlanChange(tx, actor, plan.id, {
      action: "update",
      entityType: "indicator",
      entityId: indicatorId,
      before: indicatorSnapshot(before),
      after: indicatorSnapshot(after),
    });
    return liveDetailOf(tx, actor, plan, after);
  });
}

export async function deleteIndicator(db: Db, actor: RequestActor, indicatorId: string, version: number) {
  await db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, actor, indicatorId, "working");
    policies.manageIndicators(actor);
    await loadPlanForStructureChange(tx, actor, indicator.planId);
    if (indicator.version !== version) throw staleVersion(indicator.version);
    // one after the other: inside a transaction they share one connection
    const targets = await yearly.listTargets(tx, actor.municipalityId, indicatorId);
    const actuals = await yearly.listActuals(tx, actor.municipalityId, indicatorId);
    // an approved revision shows this indicator with its actuals: deleting them would rewrite approved years
    if (actuals.length && (await findCurrentRevision(tx, actor.municipalityId, indicator.planId))) {
      throw conflict(
        `実績が入力されている指標は削除できません（${actuals.map((a) => formatFiscalYear(a.fiscalYear)).join("・")}）。承認済みの年度の記録が変わってしまうためです。今後使わない場合は、改定で目標を「—」にしてください。`,
      );
    }
    if (!(await repo.deleteIndicator(tx, actor.municipalityId, indicatorId, version))) {
      throw staleVersion(indicator.version);
    }
    await recordPlanChange(tx, actor, indicator.planId, {
      action: "delete",
      entityType: "indicator",
      entityId: indicatorId,
      before: {
        ...indicatorSnapshot(indicator),
        targets: targets.map((t) => ({ fiscalYear: t.fiscalYear, source: t.source })),
        actuals: actuals.map(actualSnapshot),
      },
    });
  });
}
