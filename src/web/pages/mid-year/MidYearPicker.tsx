import { type ReactNode, useCallback } from "react";
import { PlanAndYearPicker } from "../../components/PlanYearPicker";
import type { Plan } from "../../types";
import { useMidYearRounds } from "./midYearQueries";

/** Plan and fiscal-year selectors over the years whose mid-year report was opened (latest first). */
export function MidYearPicker(props: {
  planId: string | undefined;
  fiscalYear: number | undefined;
  onChange: (planId: string, fiscalYear: number | undefined) => void;
  children?: ReactNode;
}) {
  const rounds = useMidYearRounds(props.planId);
  const data = rounds.data;
  const years = useCallback(
    (plan: Plan) =>
      plan.id === props.planId && data ? data.map((r) => r.fiscalYear).sort((a, b) => b - a) : undefined,
    [data, props.planId],
  );
  const preferred = useCallback((_plan: Plan, _opened: number[], choosable: number[]) => choosable[0], []);
  return (
    <PlanAndYearPicker {...props} years={years} preferred={preferred} noYears="中間報告を開始した年度がありません" />
  );
}
