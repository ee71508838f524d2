import { getRouteApi } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import { SUMMARY_SCOPE, summaryStatus } from "../../domain/print-meta";
import { Checkbox, SelectField } from "../components/FormField";
import { PageHeading } from "../components/PageHeading";
import { PlanYearPicker } from "../components/PlanYearPicker";
import { PrintMeta } from "../components/PrintMeta";
import { QueryStatus } from "../components/Status";
import { usePaper } from "../components/usePaper";
import { formatPercentage, fyLabel, joinNames } from "../format";
import { planUrl, useSummary } from "../planQueries";
import { useDepartments, usePlans } from "../queries";
import type { SummarySearch } from "../routes/search";
import type { GradeTally, Summary, SummaryGroup } from "../types";

const route = getRouteApi("/summary");

export function SummaryPage() {
  usePaper("a4-landscape");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // a changed filter replaces the history entry: Back leaves the page rather than undoing a choice
  const filter = (patch: Partial<SummarySearch>) => navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const plans = usePlans();
  const departments = useDepartments();
  const plan = plans.data?.find((p) => p.id === search.planId);

  const onPick = useCallback(
    (planId: string, fy: number | undefined) =>
      navigate({
        search: (s) => ({ ...s, planId, fy, grade: s.planId === planId ? s.grade : undefined }),
        replace: true,
      }),
    [navigate],
  );
  const params = useMemo(() => {
    const p: Record<string, string> = {};
    if (search.fy) p.fiscalYear = String(search.fy);
    if (search.departmentId) p.departmentId = search.departmentId;
    if (search.grade) p.grade = search.grade;
    if (search.isNew) p.isNew = "1";
    if (search.isPriority) p.isPriority = "1";
    return p;
  }, [search.fy, search.departmentId, search.grade, search.isNew, search.isPriority]);
  const summary = useSummary(plan?.id, params);
  const filtered = Boolean(search.departmentId || search.grade || search.isNew || search.isPriority);

  return (
    <>
      <PageHeading title="総括表">事業別の評価を、施策・基本目標ごとに集計します。</PageHeading>
      <PlanYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick}>
        <SelectField
          label="担当課"
          value={search.departmentId ?? ""}
          onChange={(v) => filter({ departmentId: v || undefined })}
          options={[
            { value: "", label: "すべての課" },
            ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（旧）` })),
          ]}
        />
        <SelectField
          label="評価"
          value={search.grade ?? ""}
          onChange={(v) => filter({ grade: v || undefined })}
          options={[
            { value: "", label: "すべて" },
            ...(plan?.gradeScale ?? []).map((g) => ({ value: g.code, label: `${g.code}（${g.label}）` })),
            { value: "ungraded", label: "未評価" },
          ]}
        />
        <fieldset>
          <legend>種別</legend>
          <div className="choices-inline">
            <Checkbox
              label="新（新規掲載）のみ"
              checked={Boolean(search.isNew)}
              onChange={(v) => filter({ isNew: v || undefined })}
            />
            <Checkbox
              label="重（重点）のみ"
              checked={Boolean(search.isPriority)}
              onChange={(v) => filter({ isPriority: v || undefined })}
            />
          </div>
        </fieldset>
      </PlanYearPicker>

      <div className="notice">
        <p>
          <strong>承認済みの評価表のみ集計</strong>
          しています。提出前・確認中の評価表は「未評価」に数えます。
          {filtered ? " 絞り込みの条件に合う事業だけを数えています。" : ""}
        </p>
      </div>

      {plan && search.fy ? (
        <div className="page-actions no-print">
          <a href={planUrl(plan.id, `/evaluations/${search.fy}/export.xlsx`)} download className="button secondary">
            Excel形式（xlsx）でダウンロード
          </a>
          <button type="button" className="button secondary" onClick={() => window.print()}>
            印刷（A4横）
          </button>
        </div>
      ) : null}

      <QueryStatus query={summary} />
      {summary.data ? (
        <>
          <PrintMeta scope={SUMMARY_SCOPE} status={summaryStatus(summary.data.total)} />
          <SummaryTable summary={summary.data} />
        </>
      ) : null}
    </>
  );
}

function counts(t: GradeTally | undefined, codes: string[]) {
  return codes.map((c) => t?.counts[c] ?? 0);
}

export function SummaryTable({ summary }: { summary: Summary }) {
  const scale = summary.plan.gradeScale;
  const codes = scale.map((g) => g.code);
  const groups = useMemo(() => new Map(summary.groups.map((g) => [g.nodeId, g])), [summary.groups]);
  const cols = 4 + codes.length + 2;
  const projectLines = summary.lines.filter((l) => l.kind === "project").length;

  return (
    <div className="table-wrap">
      <table className="data summary">
        <caption>
          {summary.plan.title}　{summary.fiscalYearLabel}　事業別評価総括表
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              番号
            </th>
            <th scope="col" rowSpan={2}>
              事業名
            </th>
            <th scope="col" rowSpan={2} className="center">
              新
            </th>
            <th scope="col" rowSpan={2} className="center">
              重
            </th>
            <th scope="colgroup" colSpan={codes.length} className="center">
              評価
            </th>
            <th scope="col" rowSpan={2} className="center">
              未評価
            </th>
            <th scope="col" rowSpan={2}>
              担当課
            </th>
          </tr>
          <tr>
            {scale.map((g) => (
              <th key={g.code} scope="col" className="grade-col" title={g.label}>
                {g.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {projectLines === 0 ? (
            <tr>
              <td colSpan={cols}>条件に合う事業はありません。</td>
            </tr>
          ) : null}
          {/* a heading or project can appear twice (再掲), so the position is part of each key */}
          {summary.lines.map((line, i) => {
            if (line.kind === "heading") {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines repeat under 再掲; order is fixed
                <tr key={`h:${line.nodeId}:${i}`} className={`heading-${Math.min(line.level, 1)}`}>
                  <td colSpan={cols}>
                    {line.levelName} {line.code ?? ""}　{line.title}
                  </td>
                </tr>
              );
            }
            if (line.kind === "project") {
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines repeat under 再掲; order is fixed
                <tr key={`p:${line.itemId}:${i}`}>
                  <td>{line.code ?? ""}</td>
                  <td>
                    {line.title}
                    {line.relisted ? <span className="muted">（再掲）</span> : null}
                  </td>
                  <td className="center">{line.isNew ? "新" : ""}</td>
                  <td className="center">{line.isPriority ? "重" : ""}</td>
                  {codes.map((c) => (
                    <td key={c} className="center">
                      {line.grade === c ? <Mark /> : ""}
                    </td>
                  ))}
                  <td className="center">{line.grade === null || !codes.includes(line.grade) ? <Mark /> : ""}</td>
                  <td>{joinNames(line.departmentNames)}</td>
                </tr>
              );
            }
            const g: SummaryGroup | undefined = groups.get(line.nodeId);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines repeat under 再掲; order is fixed
              <tr key={`s:${line.nodeId}:${i}`} className="subtotal">
                <th scope="row" colSpan={4}>
                  {line.label}
                </th>
                {counts(g, codes).map((n, j) => (
                  <td key={codes[j]} className="num">
                    {n}
                  </td>
                ))}
                <td className="num">{g?.ungraded ?? 0}</td>
                <td />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="total">
            <th scope="row" colSpan={4}>
              総合計（{summary.total.projects}事業）
            </th>
            {counts(summary.total, codes).map((n, j) => (
              <td key={codes[j]} className="num">
                {n}
              </td>
            ))}
            <td className="num">{summary.total.ungraded}</td>
            <td />
          </tr>
          <tr className="percent">
            <th scope="row" colSpan={4}>
              評価の割合（評価済 {summary.total.graded}件中）
            </th>
            {codes.map((c) => (
              <td key={c} className="num">
                {summary.total.graded ? formatPercentage(summary.total.percentages[c] ?? 0) : "－"}
              </td>
            ))}
            <td className="num">－</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="small muted">
        {fyLabel(summary.fiscalYear)}
        ：○は承認済みの評価表の評価です。再掲の事業は、合計では1事業として数えます。
      </p>
    </div>
  );
}

function Mark() {
  return (
    <>
      <span aria-hidden="true">○</span>
      <span className="visually-hidden">該当</span>
    </>
  );
}
