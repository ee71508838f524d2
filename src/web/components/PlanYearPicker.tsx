import { type ReactNode, useEffect, useMemo } from "react";
import { fyLabel } from "../format";
import { useRounds } from "../planQueries";
import { usePlans } from "../queries";
import type { Plan } from "../types";
import { SelectField } from "./FormField";
import { Loading, QueryError } from "./Status";

type Plans = ReturnType<typeof usePlans>;

/** The plans query's loading, error and "no plan yet" states; null once there are plans to choose from. */
export function plansPending(plans: Plans): ReactNode {
  if (plans.isPending) return <Loading />;
  if (plans.error) return <QueryError error={plans.error} />;
  if (!plans.data?.length) return <p>計画がまだ登録されていません。</p>;
  return null;
}

export function PlanSelect({
  plans,
  value,
  onChange,
}: {
  plans: Plan[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <SelectField
      label="計画"
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: `${p.title}（${p.periodLabel}）` }))}
    />
  );
}

/**
 * Plan and fiscal-year selectors. `years` names the years that can be chosen (latest first; undefined while the
 * plan's opened years are loading), `preferred` the one taken when none, or one not among them, is chosen. The first
 * plan is taken when none is chosen.
 */
export function PlanAndYearPicker({
  planId,
  fiscalYear,
  onChange,
  children,
  years,
  preferred,
  noYears,
}: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: ReactNode;
  years: (plan: Plan, opened: number[] | undefined) => number[] | undefined;
  preferred: (plan: Plan, opened: number[], choosable: number[]) => number | undefined;
  noYears: string;
}) {
  const plans = usePlans();
  const plan = plans.data?.find((p) => p.id === planId);
  const rounds = useRounds(plan?.id);
  const opened = useMemo(() => rounds.data?.map((r) => r.fiscalYear), [rounds.data]);

  useEffect(() => {
    if (!plans.data?.length) return;
    if (!plan) {
      const first = plans.data[0];
      if (first) onChange(first.id, fiscalYear);
      return;
    }
    if (!opened) return;
    const choosable = years(plan, opened) ?? [];
    if (fiscalYear === undefined || !choosable.includes(fiscalYear)) {
      const chosen = preferred(plan, opened, choosable);
      if (chosen !== fiscalYear) onChange(plan.id, chosen);
    }
  }, [plans.data, plan, opened, fiscalYear, onChange, years, preferred]);

  const pending = plansPending(plans);
  if (pending) return pending;
  const choosable = plan ? years(plan, opened) : undefined;
  return (
    <div className="filters">
      <PlanSelect plans={plans.data ?? []} value={plan?.id ?? ""} onChange={(v) => onChange(v, undefined)} />
      <SelectField
        label="年度"
        value={fiscalYear !== undefined ? String(fiscalYear) : ""}
        onChange={(v) => plan && onChange(plan.id, v ? Number(v) : undefined)}
        options={
          choosable?.length
            ? choosable.map((y) => ({ value: String(y), label: fyLabel(y) }))
            : [{ value: "", label: choosable === undefined ? "読み込み中…" : noYears }]
        }
      />
      {children}
    </div>
  );
}

const openedYears = (_plan: Plan, opened: number[] | undefined) => opened && [...opened].sort((a, b) => b - a);
const latestOpened = (_plan: Plan, opened: number[]) => (opened.length ? Math.max(...opened) : undefined);

/**
 * Plan and fiscal-year selectors shared by 評価 and 総括表: the years whose evaluation was opened. Picks the first
 * plan and its latest opened year when none is chosen (or the chosen one does not exist).
 */
export function PlanYearPicker(props: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: ReactNode;
}) {
  return (
    <PlanAndYearPicker
      {...props}
      years={openedYears}
      preferred={latestOpened}
      noYears="評価を開始した年度がありません"
    />
  );
}
