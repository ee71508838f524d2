/**
 * An indicator's yearly values: the plan office's targets, and the actuals that the plan office and the owning
 * departments enter. A year's first value is created without If-Match (or with "0"); an existing one is replaced
 * with its version only.
 */
import { findStep, type MilestoneLadder } from "../../../domain/indicators/milestones.js";
import { parseTarget, type Target } from "../../../domain/indicators/target.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { AppError, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { assertYearOpen } from "../evaluations/year-lock.js";
import { decideAgainstSuggestion } from "../fed-indicators/decision.js";
import { recordPlanChange } from "../plans/plan-change.js";
import { loadPlanForStructureChange, loadPlanOr404 } from "../plans/service.js";
import { findCurrentRevision } from "../revisions/repository.js";
import { loadIndicatorForCaller } from "./access.js";
import { frozenTargets } from "./detail.js";
import { presentActual, presentAttainment, presentTarget } from "./presenter.js";
import type { ActualInput } from "./schema.js";
import { decide, ladderOf, parseActualNumber, targetOf, typingOf } from "./typing.js";
import { actualSnapshot, checkInPlanPeriod } from "./writes.js";
import * as yearly from "./yearly-repository.js";

export const versionRequired = () =>
  new AppError(428, "version_required", "更新には版番号（If-Match ヘッダー）が必要です");

/**
 * A year's value written under the If-Match rule: the year's first value with If-Match "0" or none, an existing one
 * with its current version (428 without, 412 when stale). Null when another request wrote it first.
 */
export async function writeYearValue<Row extends { version: number }>(
  before: Row | null,
  version: number | null,
  write: { insert: () => Promise<Row | null>; update: (version: number) => Promise<Row | null> },
): Promise<Row | null> {
  if (!before) {
    if (version !== null && version !== 0) throw staleVersion(0);
    return write.insert();
  }
  if (version === null) throw versionRequired();
  if (before.version !== version) throw staleVersion(before.version);
  return write.update(before.version);
}

/**
 * PUT /api/indicators/:id/targets/:fiscalYear. `version` is the If-Match value: the target's version to replace it,
 * or 0 / absent (null) to create the year's first target; a target that exists needs its version (428 without).
 */
export async function putTarget(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  fiscalYear: number,
  version: number | null,
  source: string,
) {
  return db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, actor, indicatorId, "working");
    policies.manageIndicators(actor);
    const plan = await loadPlanForStructureChange(tx, actor, indicator.planId);
    checkInPlanPeriod(plan, fiscalYear, "fiscalYear");
    const ladder = ladderOf(plan);
    const typing = typingOf(parseTarget(source, ladder));
    const before = await yearly.findTarget(tx, actor.municipalityId, indicatorId, fiscalYear);
    const after = await writeYearValue(before, version, {
      insert: () =>
        yearly.insertTarget(tx, { municipalityId: actor.municipalityId, indicatorId, fiscalYear, source, ...typing }),
      update: (current) =>
        yearly.updateTarget(tx, actor.municipalityId, indicatorId, fiscalYear, current, { source, ...typing }),
    });
    if (!after) throw staleVersion(before?.version ?? 0);
    await recordPlanChange(tx, actor, plan.id, {
      action: before ? "update_target" : "create_target",
      entityType: "indicator",
      entityId: indicatorId,
      before: before ? { fiscalYear, source: before.source, kind: before.kind } : null,
      after: { fiscalYear, source: after.source, kind: after.kind },
    });
    return presentTarget(fiscalYear, targetOf(after, ladder), after.version);
  });
}

/** What a milestone actual may name: the ladder's stages, as a field-named 400. */
function stepNotOnLadder(ladder: MilestoneLadder) {
  return new ValidationError([
    {
      field: "step",
      message: `段階は次のいずれかを選んでください: ${ladder.steps.map((s) => s.label).join("、")}`,
    },
  ]);
}

/**
 * PUT /api/indicators/:id/actuals/:fiscalYear. Creation: If-Match "0" or no If-Match when the year has no actual;
 * an existing actual needs its version (428 without, 412 when stale). The actual remembers the plan revision in
 * force (null before the first approved revision). For an indicator fed by a measure, the actual also keeps how it
 * relates to the suggested actual (fed-indicators/decision.ts); `acceptSuggestion` writes the suggestion itself
 * (POST …/accept-suggestion).
 */
export async function putActual(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  fiscalYear: number,
  version: number | null,
  input: ActualInput,
  opts: { acceptSuggestion?: boolean } = {},
) {
  const accept = opts.acceptSuggestion === true;
  return db.transaction(async (tx) => {
    // the year's actual is entered under the revision the year is evaluated under (its owners, its target)
    const { indicator, owners, frozen } = await loadIndicatorForCaller(tx, actor, indicatorId, { fiscalYear });
    policies.enterActual(actor, owners);
    await assertYearOpen(tx, actor.municipalityId, indicator.planId, fiscalYear);
    const plan = await loadPlanOr404(tx, actor, indicator.planId);
    checkInPlanPeriod(plan, fiscalYear, "fiscalYear");
    const ladder = ladderOf(plan);
    const targetRow = frozen
      ? (frozenTargets(frozen).find((t) => t.fiscalYear === fiscalYear) ?? null)
      : await yearly.findTarget(tx, actor.municipalityId, indicatorId, fiscalYear);
    const target: Target | null = targetRow ? targetOf(targetRow, ladder) : null;

    const values: yearly.ActualValues = {
      kind: input.kind,
      value: null,
      step: null,
      text: null,
      comment: input.comment ?? null,
      revisionId: null,
      updatedBy: actor.userId ?? null,
      fed: null,
    };
    if (accept) {
      // the value is the suggestion's, read below in this transaction
    } else if (input.kind === "number") {
      const value = parseActualNumber(input.value ?? "", target?.kind === "numeric" ? target.unit : null);
      if (value === null) {
        throw new ValidationError([
          { field: "value", message: "実績値を数値で入力してください（例: 1,200 または １，２００）" },
        ]);
      }
      values.value = value;
    } else if (input.kind === "milestone") {
      const step = findStep(input.step ?? "", ladder);
      if (!step) throw stepNotOnLadder(ladder);
      values.step = step.label;
    } else {
      values.text = input.text ?? "";
    }
    const decided = await decideAgainstSuggestion(tx, actor, {
      indicatorId,
      planId: plan.id,
      fiscalYear,
      value: values.value,
      reason: input.suggestionReason ?? null,
      accept,
    });
    values.value = decided.value;
    values.fed = decided.fed;

    const before = await yearly.findActual(tx, actor.municipalityId, indicatorId, fiscalYear);
    values.revisionId = (await findCurrentRevision(tx, actor.municipalityId, plan.id))?.id ?? null;
    const after = await writeYearValue(before, version, {
      insert: () => yearly.insertActual(tx, actor.municipalityId, indicatorId, fiscalYear, values),
      update: (current) => yearly.updateActual(tx, actor.municipalityId, indicatorId, fiscalYear, current, values),
    });
    if (!after) throw staleVersion(before?.version ?? 1);
    await recordPlanChange(tx, actor, plan.id, {
      action: before ? "update_actual" : "create_actual",
      entityType: "indicator",
      entityId: indicatorId,
      before: actualSnapshot(before),
      after: actualSnapshot(after),
    });
    const attainment = decide(target, after, ladder);
    return {
      indicatorId,
      fiscalYear,
      target: target && targetRow ? presentTarget(fiscalYear, target, targetRow.version) : null,
      actual: presentActual(after, target),
      attainment: presentAttainment(attainment),
    };
  });
}

export async function deleteActual(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  fiscalYear: number,
  version: number,
) {
  await db.transaction(async (tx) => {
    const { indicator, owners } = await loadIndicatorForCaller(tx, actor, indicatorId, { fiscalYear });
    policies.enterActual(actor, owners);
    await assertYearOpen(tx, actor.municipalityId, indicator.planId, fiscalYear);
    const before = await yearly.findActual(tx, actor.municipalityId, indicatorId, fiscalYear);
    if (!before) throw notFound("実績");
    if (before.version !== version) throw staleVersion(before.version);
    if (!(await yearly.deleteActual(tx, actor.municipalityId, indicatorId, fiscalYear, version))) {
      throw staleVersion(before.version);
    }
    await recordPlanChange(tx, actor, indicator.planId, {
      action: "delete_actual",
      entityType: "indicator",
      entityId: indicatorId,
      before: actualSnapshot(before),
    });
  });
}
