/** What the module's writes share: the plan-period check and the audit shapes. */
import { formatFiscalYearRange } from "../../../domain/fiscal-year.js";
import { ValidationError } from "../../platform/errors.js";
import type * as plansRepo from "../plans/repository.js";
import type * as repo from "./repository.js";

/** A target or actual is for a year of the plan's period (a field-named 400 otherwise). */
export function checkInPlanPeriod(plan: plansRepo.PlanRow, fiscalYear: number, field: string) {
  if (fiscalYear < plan.startFiscalYear || fiscalYear > plan.endFiscalYear) {
    throw new ValidationError([
      {
        field,
        message: `計画期間（${formatFiscalYearRange(plan.startFiscalYear, plan.endFiscalYear)}）外の年度です`,
      },
    ]);
  }
}

/** An indicator as its audit records keep it. */
export function indicatorSnapshot(i: repo.IndicatorRow) {
  return {
    planId: i.planId,
    itemId: i.itemId,
    kind: i.kind,
    name: i.name,
    baselineSource: i.baselineSource,
    baselineFiscalYear: i.baselineFiscalYear,
    position: i.position,
  };
}

/** An actual as its audit records keep it. */
export function actualSnapshot(a: repo.ActualRow | null) {
  return a
    ? {
        fiscalYear: a.fiscalYear,
        kind: a.kind,
        value: a.value,
        step: a.step,
        text: a.text,
        comment: a.comment,
        revisionId: a.revisionId,
        // how a fed indicator's actual relates to its suggestion (absent for the others, as before)
        ...(a.fed ? { fed: a.fed } : {}),
      }
    : null;
}
