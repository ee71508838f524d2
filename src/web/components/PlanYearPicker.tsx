import { useEffect } from "react";
import { fyLabel } from "../format";
import { usePlans, useRounds } from "../queries";
import { SelectField } from "./FormField";
import { Loading, QueryError } from "./Status";

/**
 * Plan and fiscal-year selectors shared by 評価 and 総括表. Picks the first plan and its latest opened year
 * when none is chosen (or the chosen one does not exist).
 */
export function PlanYearPicker({
  planId,
  fiscalYear,
  onChange,
  children,
}: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: React.ReactNode;
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
    const years = rounds.data.map((r) => r.fiscalYear);
    if (fiscalYear === undefined || !years.includes(fiscalYear)) {
      const latest = years.length ? Math.max(...years) : undefined;
      if (latest !== fiscalYear) onChange(plan.id, latest);
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
          rounds.data?.length
            ? [...rounds.data]
                .sort((a, b) => b.fiscalYear - a.fiscalYear)
                .map((r) => ({ value: String(r.fiscalYear), label: fyLabel(r.fiscalYear) }))
            : [{ value: "", label: rounds.isPending ? "読み込み中…" : "評価を開始した年度がありません" }]
        }
      />
      {children}
    </div>
  );
}
