import { getRouteApi } from "@tanstack/react-router";
import { Fragment, useCallback, useMemo } from "react";
import { MATRIX_MARK_LABELS } from "../../domain/labels/indicators";
import { SelectField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { PlanPicker } from "../components/PlanPeriodPicker";
import { QueryStatus } from "../components/Status";
import { usePaper } from "../components/usePaper";
import { useDepartmentMatrix } from "../planQueries";
import { usePlans } from "../queries";
import type { DepartmentMatrix } from "../types";

const route = getRouteApi("/matrix");

export function DepartmentMatrixPage() {
  usePaper("a4-landscape-narrow");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const plans = usePlans();
  const plan = plans.data?.find((p) => p.id === search.planId);
  const onPick = useCallback((planId: string) => navigate({ search: { planId }, replace: true }), [navigate]);
  const matrix = useDepartmentMatrix(plan?.id, search.level);

  return (
    <>
      <PageHeading title="担当課一覧">
        計画の取組と担当課の対応表です。●はその取組の担当課、○はその下の取組（事業など）を担当している課です。
      </PageHeading>
      <PlanPicker planId={search.planId} onChange={onPick}>
        {plan ? (
          <SelectField
            label="行にする階層"
            value={String(search.level ?? matrix.data?.level ?? "")}
            onChange={(v) =>
              navigate({ search: (s) => ({ ...s, level: v === "" ? undefined : Number(v) }), replace: true })
            }
            options={plan.levelNames.map((name, i) => ({ value: String(i), label: name }))}
          />
        ) : null}
      </PlanPicker>
      {matrix.data ? (
        <div className="page-actions no-print">
          <button type="button" className="button secondary" onClick={() => window.print()}>
            印刷（A4横）
          </button>
        </div>
      ) : null}
      <QueryStatus query={matrix} />
      {matrix.data ? <MatrixTable matrix={matrix.data} /> : null}
    </>
  );
}

function MatrixTable({ matrix }: { matrix: DepartmentMatrix }) {
  const groups = useMemo(() => {
    const out: { key: string; title: string | null; rows: DepartmentMatrix["rows"] }[] = [];
    for (const row of matrix.rows) {
      const goal = row.goal && row.goal.id !== row.item?.id ? row.goal : null;
      const key = goal?.id ?? "(none)";
      const last = out[out.length - 1];
      if (last && last.key === key) last.rows.push(row);
      else
        out.push({
          key,
          title: goal ? `${goal.levelName} ${[goal.code, goal.title].filter(Boolean).join(" ")}` : null,
          rows: [row],
        });
    }
    return out;
  }, [matrix.rows]);
  const totals = matrix.departments.map((d) => matrix.rows.filter((r) => r.marks[d.id] !== undefined).length);
  const cols = matrix.departments.length + 1;

  if (matrix.rows.length === 0) return <p>この階層には項目がありません。</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="matrix-wrap" tabIndex={0} aria-label="担当課と取組の対応表（スクロールできます）">
      <table className="data matrix">
        <caption>
          {matrix.plan.title}　担当課×{matrix.levelName}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {matrix.levelName}
            </th>
            {matrix.departments.map((d) => (
              <th key={d.id} scope="col" className="matrix-dept">
                <span>{d.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key}>
            {g.title ? (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={cols}>
                  {g.title}
                </th>
              </tr>
            ) : null}
            {g.rows.map((row, i) => (
              <tr key={row.item?.id ?? i}>
                <th scope="row" className="matrix-item">
                  {row.item?.code ? <span className="code">{row.item.code}</span> : null}
                  {row.item?.title ?? ""}
                </th>
                {matrix.departments.map((d) => {
                  const mark = row.marks[d.id];
                  return (
                    <td key={d.id} className={`center matrix-mark ${mark ?? ""}`}>
                      {mark ? (
                        <Fragment>
                          <span aria-hidden="true">{matrix.legend[mark]}</span>
                          <span className="visually-hidden">{MATRIX_MARK_LABELS[mark]}</span>
                        </Fragment>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr className="total">
            <th scope="row">担当する数（●・○）</th>
            {totals.map((n, i) => (
              <td key={matrix.departments[i]?.id ?? i} className="num">
                {n}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
