/**
 * The plan's milestone ladder (the stages a milestone target or actual names) and the targets it leaves as free
 * text. Changing the ladder types every target of the plan again.
 */
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { DEFAULT_LADDER, type MilestoneLadder, validateLadder } from "../../../domain/indicators/milestones.js";
import { isBlankTarget, parseTarget } from "../../../domain/indicators/target.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { type FieldError, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as plansRepo from "../plans/repository.js";
import { loadPlanForStructureChange, loadPlanOr404 } from "../plans/service.js";
import { presentItemBrief, type UnclassifiedOccurrence } from "./presenter.js";
import * as repo from "./repository.js";
import type { LadderInput } from "./schema.js";
import { ladderOf, sameTyping, typingOf } from "./typing.js";
import * as yearly from "./yearly-repository.js";

/** GET /api/plans/:planId/targets/unclassified: targets that stay free text, for the plan office to classify. */
export async function listUnclassifiedTargets(db: Executor, auth: AuthContext, planId: string) {
  policies.manageIndicators(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  const [targets, items] = await Promise.all([
    yearly.listTargetsOfPlan(db, auth.municipalityId, planId),
    plansRepo.listItems(db, auth.municipalityId, planId),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const counts = { numeric: 0, milestone: 0, asNeeded: 0, text: 0, blank: 0, total: targets.length };
  const texts = new Map<string, { source: string; occurrences: UnclassifiedOccurrence[] }>();
  for (const t of targets) {
    if (isBlankTarget(t.source)) {
      counts.blank++;
      continue;
    }
    const kind = t.kind as keyof typeof counts;
    if (kind in counts && kind !== "total" && kind !== "blank") counts[kind]++;
    if (t.kind !== "text") continue;
    const entry = texts.get(t.source) ?? { source: t.source, occurrences: [] };
    const item = t.itemId ? itemById.get(t.itemId) : undefined;
    entry.occurrences.push({
      indicatorId: t.indicatorId,
      indicatorName: t.indicatorName,
      fiscalYear: t.fiscalYear,
      fiscalYearLabel: formatFiscalYear(t.fiscalYear),
      item: item ? presentItemBrief(item, plan.levelNames) : null,
    });
    texts.set(t.source, entry);
  }
  return {
    plan: { id: plan.id, title: plan.title },
    counts,
    texts: [...texts.values()].map((t) => ({ ...t, count: t.occurrences.length })),
  };
}

export async function getLadder(db: Executor, auth: AuthContext, planId: string) {
  policies.readPlans(auth);
  const plan = await loadPlanOr404(db, auth, planId);
  return { ladder: ladderOf(plan), isDefault: plan.milestoneLadder === null, version: plan.version };
}

/** validateLadder's messages name the step; the field is that step ("steps.3"), or the whole list. */
function ladderFieldErrors(ladder: MilestoneLadder, messages: string[]): FieldError[] {
  return messages.map((message) => {
    let index = -1;
    ladder.steps.forEach((step, i) => {
      const label = step.label.trim();
      if ((label !== "" && message.includes(`段階「${label}」`)) || message.startsWith(`${i + 1}番目の段階`)) index = i;
    });
    return { field: index >= 0 ? `steps.${index}` : "steps", message };
  });
}

/**
 * PUT /api/plans/:planId/milestone-ladder (If-Match: the plan's version). Every target of the plan is typed again
 * with the new ladder in the same transaction, so the stored typing never disagrees with the ladder in force.
 * Actuals keep the stage they name; one the new ladder no longer knows is decided by hand (attainment "manual").
 */
export async function putLadder(db: Db, actor: RequestActor, planId: string, version: number, input: LadderInput) {
  policies.manageIndicators(actor);
  const ladder: MilestoneLadder | null =
    input.steps === null
      ? null
      : {
          steps: input.steps.map((s) => ({
            label: s.label.trim(),
            rank: s.rank,
            ...(s.aliases ? { aliases: s.aliases.map((a) => a.trim()) } : {}),
          })),
        };
  if (ladder) {
    const problems = validateLadder(ladder);
    if (problems.length) throw new ValidationError(ladderFieldErrors(ladder, problems));
  }
  return db.transaction(async (tx) => {
    const plan = await loadPlanForStructureChange(tx, actor, planId);
    if (plan.version !== version) throw staleVersion(plan.version);
    const updated = await repo.setPlanLadder(tx, actor.municipalityId, planId, version, ladder);
    if (!updated) throw staleVersion(plan.version);
    const effective = ladder ?? DEFAULT_LADDER;
    const targets = await yearly.listTargetsOfPlan(tx, actor.municipalityId, planId);
    const changed = targets
      .map((t) => ({ t, typing: typingOf(parseTarget(t.source, effective)) }))
      .filter(({ t, typing }) => !sameTyping(t, typing))
      .map(({ t, typing }) => ({ indicatorId: t.indicatorId, fiscalYear: t.fiscalYear, ...typing }));
    await yearly.retypeTargets(tx, actor.municipalityId, changed);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update_milestone_ladder",
      entityType: "plan",
      entityId: planId,
      before: { milestoneLadder: plan.milestoneLadder },
      after: { milestoneLadder: ladder, retypedTargets: changed.length },
    });
    const newKind = new Map(changed.map((c) => [`${c.indicatorId}:${c.fiscalYear}`, c.kind]));
    const freeText = targets.filter(
      (t) => (newKind.get(`${t.indicatorId}:${t.fiscalYear}`) ?? t.kind) === "text" && !isBlankTarget(t.source),
    ).length;
    return {
      ladder: effective,
      isDefault: ladder === null,
      version: updated.version,
      retypedTargets: changed.length,
      unclassifiedTargets: freeText,
    };
  });
}
