/** One indicator over the plan's years: what its detail answer, the series chart and the writes return. */
import type { MilestoneLadder } from "../../../domain/indicators/milestones.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import * as departmentsRepo from "../departments/repository.js";
import * as plansRepo from "../plans/repository.js";
import { type ScopedIndicator, shownDepartments } from "./access.js";
import { presentIndicatorDetail, presentItemBrief, type YearPoint } from "./presenter.js";
import * as repo from "./repository.js";
import { decide, ladderOf, targetOf } from "./typing.js";
import * as yearly from "./yearly-repository.js";

async function departmentBriefs(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return [];
  const all = await departmentsRepo.listDepartments(db, municipalityId);
  const name = new Map(all.map((d) => [d.id, d.name]));
  return ids.map((id) => ({ id, name: name.get(id) ?? "" }));
}

/** Every year of the plan (and any year outside it that has a value) with its target, actual and attainment. */
export function points(
  plan: plansRepo.PlanRow,
  ladder: MilestoneLadder,
  targets: (repo.TargetTyping & { fiscalYear: number; source: string; version: number })[],
  actuals: repo.ActualRow[],
): YearPoint[] {
  const targetBy = new Map(targets.map((t) => [t.fiscalYear, t]));
  const actualBy = new Map(actuals.map((a) => [a.fiscalYear, a]));
  const years = new Set<number>();
  for (let fy = plan.startFiscalYear; fy <= plan.endFiscalYear; fy++) years.add(fy);
  // a target or actual outside the period (an earlier revision's years) is still shown, not lost
  for (const t of targets) years.add(t.fiscalYear);
  for (const a of actuals) years.add(a.fiscalYear);
  return [...years]
    .sort((a, b) => a - b)
    .map((fiscalYear) => {
      const row = targetBy.get(fiscalYear);
      const target = row ? { target: targetOf(row, ladder), version: row.version } : null;
      const actual = actualBy.get(fiscalYear) ?? null;
      return { fiscalYear, target, actual, attainment: decide(target?.target ?? null, actual, ladder) };
    });
}

/** One indicator as its detail answer shows it: item, 担当課, and every year of the plan with its attainment. */
export async function detailOf(
  db: Executor,
  auth: AuthContext,
  plan: plansRepo.PlanRow,
  indicator: repo.IndicatorRow,
  departmentIds: string[],
  frozen: ScopedIndicator["frozen"] = null,
) {
  // one after the other: inside a transaction they share one connection
  const item = frozen
    ? frozen.item
    : indicator.itemId
      ? await plansRepo.findItem(db, auth.municipalityId, plan.id, indicator.itemId)
      : null;
  const departments = await departmentBriefs(db, auth.municipalityId, departmentIds);
  const targets = frozen ? frozenTargets(frozen) : await yearly.listTargets(db, auth.municipalityId, indicator.id);
  const actuals = await yearly.listActuals(db, auth.municipalityId, indicator.id);
  const shown = frozen
    ? { ...indicator, name: frozen.name, kind: frozen.kind, baselineSource: frozen.baselineSource }
    : indicator;
  return presentIndicatorDetail(
    shown,
    presentItemBrief(item, plan.levelNames),
    departments,
    points(plan, ladderOf(plan), targets, actuals),
  );
}

/** The detail answer of a live indicator just written: its 担当課 as its item's chain has them now. */
export async function liveDetailOf(
  db: Executor,
  auth: AuthContext,
  plan: plansRepo.PlanRow,
  indicator: repo.IndicatorRow,
) {
  const chain = indicator.itemId ? await repo.itemChain(db, auth.municipalityId, indicator.itemId) : [];
  return detailOf(db, auth, plan, indicator, shownDepartments(chain));
}

/** A frozen indicator's targets as target rows (a frozen target is not edited: version 0). */
export function frozenTargets(frozen: NonNullable<ScopedIndicator["frozen"]>) {
  return frozen.targets.map((t) => ({ ...t, version: 0 }));
}
