import { type ReactNode, useEffect } from "react";
import { currentFiscalYear, fyLabel } from "../format";
import { usePlans, useRounds } from "../queries";
import type { Plan } from "../types";
import { SelectField } from "./FormField";
import { Loading, QueryError } from "./Status";

/** The fiscal years of a plan's period, latest first. */
export function periodYears(plan: Pick<Plan, "startFiscalYear" | "endFiscalYear">): number[] {
  const out: number[] = [];
  for (let y = plan.endFiscalYear; y >= plan.startFiscalYear; y--) out.push(y);
  return out;
}

/**
 * Plan and fiscal-year selectors for the indicator pages: any year of the plan's period can be chosen (targets and
 * actuals exist for years that have no evaluation yet). Picks the first plan, and the latest year whose evaluation
 * was opened (or this year, within the period) when none is chosen.
 */
export function PlanPeriodPicker({
  planId,
  fiscalYear,
  onChange,
  children,
}: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: ReactNode;
}) {
  const plans = usePlans();
  const plan = plans.data?.find((p) => p.id === planId);
  const rounds = useRounds(plan?.id);

  useEffect(() => {
    if (!plans.data?.length) return;
    if (!plan) {
      const first = plans.data[0];
      if (first) onChange(first.id, fiscalYear);
      return;
    }
    if (!rounds.data) return;
    const years = periodYears(plan);
    if (fiscalYear === undefined || !years.includes(fiscalYear)) {
      const opened = rounds.data.map((r) => r.fiscalYear).filter((y) => years.includes(y));
      const fallback = Math.min(Math.max(currentFiscalYear(), plan.startFiscalYear), plan.endFiscalYear);
      const chosen = opened.length ? Math.max(...opened) : fallback;
      if (chosen !== fiscalYear) onChange(plan.id, chosen);
    }
  }, [plans.data, plan, rounds.data, fiscalYear, onChange]);

  if (plans.isPending) return <Loading />;
  if (plans.error) return <QueryError error={plans.error} />;
  if (!plans.data.length) return <p>計画がまだ登録されていません。</p>;

  return (
    <div className="filters">
      <SelectField
        label="計画"
        value={plan?.id ?? ""}
        onChange={(v) => onChange(v, undefined)}
        options={plans.data.map((p) => ({ value: p.id, label: `${p.title}（${p.periodLabel}）` }))}
      />
      <SelectField
        label="年度"
        value={fiscalYear !== undefined ? String(fiscalYear) : ""}
        onChange={(v) => plan && onChange(plan.id, v ? Number(v) : undefined)}
        options={
          plan
            ? periodYears(plan).map((y) => ({ value: String(y), label: fyLabel(y) }))
            : [{ value: "", label: "読み込み中…" }]
        }
      />
      {children}
    </div>
  );
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

  if (plans.isPending) return <Loading />;
  if (plans.error) return <QueryError error={plans.error} />;
  if (!plans.data.length) return <p>計画がまだ登録されていません。</p>;
  return (
    <div className="filters">
      <SelectField
        label="計画"
        value={plan?.id ?? ""}
        onChange={onChange}
        options={plans.data.map((p) => ({ value: p.id, label: `${p.title}（${p.periodLabel}）` }))}
      />
      {children}
    </div>
  );
}
