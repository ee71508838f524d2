import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { SUMMARY_SCOPE, summaryStatus } from "../../../domain/print-meta";
import { api } from "../../api";
import { FormattedText } from "../../components/FormattedText";
import { PageHeading } from "../../components/PageHeading";
import { PlanYearPicker } from "../../components/PlanYearPicker";
import { PrintMeta } from "../../components/PrintMeta";
import { QueryStatus } from "../../components/Status";
import { usePaper } from "../../components/usePaper";
import { formatDateTime, joinNames } from "../../format";
import { planUrl } from "../../planQueries";
import type { YearReport } from "../../types";
import { ReportOpinions } from "../committees/ReportOpinions";
import { SummaryTable } from "../SummaryPage";

const route = getRouteApi("/evaluation-report");

function useYearReport(planId: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ["year-report", planId ?? "", fiscalYear ?? 0] as const,
    queryFn: () =>
      api<{ report: YearReport }>(planUrl(planId, `/evaluations/${fiscalYear}/report`)).then((r) => r.report),
    enabled: Boolean(planId && fiscalYear),
    staleTime: 0,
  });
}

/** 評価結果報告書: a closed year's 総括表, sheets and indicators with attainment, printed on A4 (landscape). */
export function YearReportPage() {
  usePaper("a4-landscape");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: (s) => ({ ...s, planId, fy }), replace: true }),
    [navigate],
  );
  const report = useYearReport(search.planId, search.fy);
  return (
    <>
      <PageHeading title="評価結果報告書">
        締めた年度の評価の結果（総括表、評価表、指標と達成状況）です。締めたときの内容のまま表示します。
      </PageHeading>
      <PlanYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick} />
      <QueryStatus query={report} />
      {report.data ? <Report report={report.data} /> : null}
    </>
  );
}

function Report({ report }: { report: YearReport }) {
  const round = report.round;
  return (
    <article className="year-report">
      <h2>
        {report.plan.title}　{report.fiscalYearLabel} 評価結果報告書
      </h2>
      <p>
        {round.closedAt ? `${formatDateTime(round.closedAt)}締め` : ""}
        {round.closedByName ? `（${round.closedByName}）` : ""}
        {round.closedRevision ? `　第${round.closedRevision.number}版「${round.closedRevision.label}」による評価` : ""}
      </p>
      <div className="page-actions no-print">
        <a
          href={planUrl(report.plan.id, `/evaluations/${report.fiscalYear}/report.xlsx`)}
          download
          className="button secondary"
        >
          Excel形式（xlsx）でダウンロード
        </a>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          印刷（A4横）
        </button>
      </div>
      <PrintMeta scope={SUMMARY_SCOPE} status={summaryStatus(report.summary.total)} />

      <section aria-labelledby="report-summary">
        <h3 id="report-summary">総括表</h3>
        <SummaryTable summary={report.summary} />
      </section>

      <section aria-labelledby="report-sheets" className="report-section">
        <h3 id="report-sheets">評価表（{report.sheets.length}件）</h3>
        {report.sheets.length === 0 ? <p>表示できる評価表はありません。</p> : null}
        {report.sheets.map((s) => (
          <ReportSheet key={s.id} sheet={s} indicators={report.indicators} />
        ))}
      </section>

      <section aria-labelledby="report-indicators" className="report-section">
        <h3 id="report-indicators">指標と達成状況</h3>
        <p>
          指標 {report.attainment.indicators}件のうち、達成 {report.attainment.met}件・未達成 {report.attainment.notMet}
          件・判断が必要 {report.attainment.manual}件・実績なし {report.attainment.noActual}件
        </p>
        <IndicatorTable indicators={report.indicators} />
      </section>

      <ReportOpinions committees={report.committees} />
    </article>
  );
}

type ReportSheetRow = YearReport["sheets"][number];
type ReportIndicator = YearReport["indicators"][number];

function ReportSheet({ sheet, indicators }: { sheet: ReportSheetRow; indicators: ReportIndicator[] }) {
  const own = indicators.filter((i) => sheet.indicatorIds.includes(i.id));
  return (
    <section className="report-sheet sheet-row" aria-label={`${sheet.code ?? ""} ${sheet.title}`}>
      <h4>
        <Link to="/sheets/$sheetId" params={{ sheetId: sheet.id }}>
          {[sheet.code, sheet.title].filter(Boolean).join(" ")}
        </Link>
        　
        <span className="small">
          {joinNames(sheet.departmentNames)}　{sheet.statusLabel}
          {sheet.grade ? `　評価 ${sheet.grade}` : ""}
        </span>
      </h4>
      <dl className="report-fields">
        {sheet.status === "not_evaluated" ? (
          <>
            <dt>未評価とする理由</dt>
            <dd>
              <FormattedText text={sheet.notEvaluatedReason} />
            </dd>
          </>
        ) : (
          <>
            <dt>計画事業の実績等</dt>
            <dd>
              <FormattedText text={sheet.results} />
            </dd>
            <dt>効果又は評価の理由</dt>
            <dd>
              <FormattedText text={sheet.reason} />
            </dd>
            <dt>今後の課題及び事業推進の方策</dt>
            <dd>
              <FormattedText text={sheet.issues} />
            </dd>
          </>
        )}
        {own.length ? (
          <>
            <dt>指標</dt>
            <dd>{own.map((i) => `${i.name}: ${i.actual ?? "実績なし"}（${i.attainment.statusLabel}）`).join("、")}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function IndicatorTable({ indicators }: { indicators: ReportIndicator[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">指標と達成状況</caption>
        <thead>
          <tr>
            <th scope="col">番号</th>
            <th scope="col">事業名</th>
            <th scope="col">指標</th>
            <th scope="col">目標</th>
            <th scope="col">実績</th>
            <th scope="col">達成状況</th>
          </tr>
        </thead>
        <tbody>
          {indicators.length === 0 ? (
            <tr>
              <td colSpan={6}>表示できる指標はありません。</td>
            </tr>
          ) : null}
          {indicators.map((i) => (
            <tr key={i.id}>
              <td>{i.itemCode ?? ""}</td>
              <td>{i.itemTitle}</td>
              <td>{i.name}</td>
              <td>{i.target ?? "－"}</td>
              <td>{i.actual ?? "－"}</td>
              <td>{i.attainment.statusLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
