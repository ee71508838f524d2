import { getRouteApi, Link } from "@tanstack/react-router";
import { lazy, Suspense, useMemo } from "react";
import {
  ladderCategories,
  milestoneTrendOption,
  numericTrendOption,
  trendMode,
  trendSummary,
} from "../components/chartOptions";
import { AttainmentBadge, actualText, formatRate, indicatorLabel, targetText } from "../components/Indicators";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { fyLabel, joinNames } from "../format";
import { useIndicator, useIndicatorSeries, useMilestoneLadder } from "../indicatorQueries";
import type { IndicatorDetail, IndicatorSeries, MilestoneStep } from "../types";
import { FeedSection } from "./indicators/FeedSection";

const EChart = lazy(() => import("../components/EChart"));
const route = getRouteApi("/indicators/$indicatorId");

export function IndicatorTrendPage() {
  const { indicatorId } = route.useParams();
  const detail = useIndicator(indicatorId);
  const series = useIndicatorSeries(indicatorId);
  const ladder = useMilestoneLadder(detail.data?.planId);
  usePageTitle(detail.data ? `指標の推移: ${indicatorLabel(detail.data.name)}` : "指標の推移");

  if (detail.isPending || series.isPending) return <Loading />;
  if (detail.error) return <QueryError error={detail.error} />;
  if (series.error) return <QueryError error={series.error} />;
  return <Trend detail={detail.data} series={series.data} steps={ladder.data?.ladder.steps} />;
}

function Trend({
  detail,
  series,
  steps,
}: {
  detail: IndicatorDetail;
  series: IndicatorSeries;
  steps: MilestoneStep[] | undefined;
}) {
  const mode = trendMode(series);
  const option = useMemo(() => {
    if (mode === "numeric") return numericTrendOption(series);
    if (mode === "milestone" && steps) return milestoneTrendOption(series, steps);
    return null;
  }, [mode, series, steps]);
  const summary = trendSummary(series, mode);
  const latestYear = [...series.points].reverse().find((p) => p.actual)?.fiscalYear;
  const height = mode === "milestone" && steps ? Math.max(280, ladderCategories(steps).length * 40 + 80) : 340;

  return (
    <>
      <p className="no-print">
        <Link to="/indicators" search={{ planId: detail.planId, fy: latestYear }}>
          指標の一覧へ戻る
        </Link>
      </p>
      <h1>指標の推移: {indicatorLabel(detail.name)}</h1>
      <dl className="summary-list">
        <dt>種類</dt>
        <dd>{detail.kindLabel}</dd>
        {detail.item ? (
          <>
            <dt>{detail.item.levelName || "取組"}</dt>
            <dd>
              {detail.item.code ? `${detail.item.code}　` : ""}
              {detail.item.title}
            </dd>
          </>
        ) : null}
        <dt>担当課</dt>
        <dd>{joinNames(detail.departments.map((d) => d.name)) || "－"}</dd>
        <dt>現状値</dt>
        <dd>
          {series.baseline.source ?? "－"}
          {series.baseline.fiscalYear ? `（${fyLabel(series.baseline.fiscalYear)}）` : ""}
        </dd>
      </dl>

      <FeedSection indicatorId={detail.id} />

      <section aria-labelledby="trend-chart-title">
        <h2 id="trend-chart-title">グラフ</h2>
        {option ? (
          <Suspense fallback={<Loading label="グラフを読み込んでいます…" />}>
            <EChart option={option} label={summary} height={height} />
          </Suspense>
        ) : mode === "none" ? (
          <p>この指標の目標は数値や段階で表されていないため、グラフはありません。下の表をご覧ください。</p>
        ) : (
          <Loading />
        )}
        <p className="small muted">
          {mode === "milestone"
            ? "◆ の破線が目標の段階、● が実績の段階です（縦軸は計画の段階の順）。"
            : `棒が実績${series.baseline.value !== null ? "（灰色は現状値）" : ""}、◆ の破線が目標です。`}
        </p>
      </section>

      <section aria-labelledby="trend-table-title">
        <h2 id="trend-table-title">年度ごとの目標と実績</h2>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">「{detail.name}」の年度ごとの目標と実績</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">目標</th>
                <th scope="col">実績</th>
                <th scope="col">達成状況</th>
                <th scope="col" className="num">
                  達成率
                </th>
                <th scope="col">コメント</th>
              </tr>
            </thead>
            <tbody>
              {series.baseline.source ? (
                <tr className="baseline-row">
                  <th scope="row">
                    現状値{series.baseline.fiscalYear ? `（${fyLabel(series.baseline.fiscalYear)}）` : ""}
                  </th>
                  <td>－</td>
                  <td>{series.baseline.source}</td>
                  <td>－</td>
                  <td className="num">－</td>
                  <td />
                </tr>
              ) : null}
              {series.points.map((p) => (
                <tr key={p.fiscalYear}>
                  <th scope="row">{p.fiscalYearLabel}</th>
                  <td>{targetText(p.target)}</td>
                  <td>
                    {actualText(p.actual)}
                    {p.actual?.fed ? (
                      <span className="small muted block">
                        {p.actual.fed.decisionLabel}
                        {p.actual.fed.reason ? `（${p.actual.fed.reason}）` : ""}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {p.actual || p.target ? (
                      <AttainmentBadge status={p.attainment.status} reason={p.attainment.reason} />
                    ) : (
                      "－"
                    )}
                  </td>
                  <td className="num">{formatRate(p.attainment.rate)}</td>
                  <td>{p.actual?.comment ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
