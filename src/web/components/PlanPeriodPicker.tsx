import { type ReactNode, useEffect } from "react";
import { currentFiscalYear } from "../format";
import { usePlans } from "../queries";
import type { Plan } from "../types";
import { PlanAndYearPicker, PlanSelect, plansPending } from "./PlanYearPicker";

/** The fiscal years of a plan's period, latest first. */
export function periodYears(plan: Pick<Plan, "startFiscalYear" | "endFiscalYear">): number[] {
  const out: number[] = [];
  for (let y = plan.endFiscalYear; y >= plan.startFiscalYear; y--) out.push(y);
  return out;
}

const periodOf = (plan: Plan) => periodYears(plan);
/** the latest year whose evaluation was opened, else this year (within the period) */
const latestOpenedOrNow = (plan: Plan, opened: number[], choosable: number[]) => {
  const inPeriod = opened.filter((y) => choosable.includes(y));
  return inPeriod.length
    ? Math.max(...inPeriod)
    : Math.min(Math.max(currentFiscalYear(), plan.startFiscalYear), plan.endFiscalYear);
};

/**
 * Plan and fiscal-year selectors for the indicator pages: any year of the plan's period can be chosen (targets and
 * actuals exist for years that have no evaluation yet). Picks the first plan, and the latest year whose evaluation
 * was opened (or this year, within the period) when none is chosen.
 */
export function PlanPeriodPicker(props: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: ReactNode;
}) {
  return <PlanAndYearPicker {...props} years={periodOf} preferred={latestOpenedOrNow} noYears="" />;
}

/** The plan selector alone (pages that are not about one fiscal year). Picks the first plan when none is chosen. */
export function PlanPicker({
  planId,
  onChange,
  children,
}: {
  planId: string | undefined;
  onChange: (planId: string) => void;
  children?: ReactNode;
}) {
  const plans = usePlans();
  const plan = plans.data?.find((p) => p.id === planId);
  useEffect(() => {
    const first = plans.data?.[0];
    if (!plan && first) onChange(first.id);
  }, [plans.data, plan, onChange]);

  const pending = plansPending(plans);
  if (pending) return pending;
  return (
    <div className="filters">
      <PlanSelect plans={plans.data ?? []} value={plan?.id ?? ""} onChange={onChange} />
      {children}
    </div>
  );
}
