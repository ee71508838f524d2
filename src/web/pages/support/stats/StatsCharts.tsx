import { lazy, type ReactNode, Suspense, useMemo } from "react";
import type { MeasureKey } from "../../../../domain/labels/measures";
import { Loading } from "../../../components/Status";
import type { StatsMeasure } from "../../../types";

const EChart = lazy(() => import("../../../components/EChart"));

/** The measures drawn as bars: those broken down into rows (contacts by mode, referrals by sender, …). */
export const CHARTED: readonly MeasureKey[] = ["contacts", "referrals_sent", "placements", "cases_by_issue"];

/** The id of a group's table, which a chart of one of its measures names as its description. */
export const statsTableId = (group: string) => `stats-table-${group}`;

/**
 * The breakdowns as bar charts, on screen only: the tables above carry the same numbers (each chart names its
 * table with aria-describedby) and print on A4 without them. Only shown counts are drawn; a suppressed row is
 * said under its chart, never drawn as a zero.
 */
export function StatsCharts({ measures }: { measures: StatsMeasure[] }) {
  const charted = CHARTED.flatMap((key) => measures.filter((m) => m.key === key));
  if (charted.length === 0) return null;
  return (
    <section aria-labelledby="stats-charts-title" className="stats-charts no-print">
      <h2 id="stats-charts-title">内訳のグラフ</h2>
      <div className="stats-chart-grid">
        {charted.map((m) => (
          <MeasureChart key={m.key} measure={m} />
        ))}
      </div>
    </section>
  );
}

function MeasureChart({ measure }: { measure: StatsMeasure }) {
  const shown = useMemo(() => measure.rows.filter((r) => r.state === "shown"), [measure]);
  const hidden = measure.rows.filter((r) => r.state !== "shown");
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: shown.length > 4 ? 64 : 32 },
      xAxis: {
        type: "category",
        data: shown.map((r) => r.label),
        axisLabel: { interval: 0, rotate: shown.length > 4 ? 30 : 0 },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", data: shown.map((r) => r.value ?? 0), barMaxWidth: 40 }],
    }),
    [shown],
  );
  const title = `${measure.label}（${measure.unit}）`;
  let body: ReactNode;
  if (measure.notApplicable) body = <p>{measure.notApplicable}</p>;
  else if (shown.length === 0) body = <p>グラフにできる件数がありません。</p>;
  else if (shown.every((r) => !r.value)) body = <p>この条件ではすべて0{measure.unit}です。</p>;
  else
    body = (
      <Suspense fallback={<Loading label="グラフを読み込んでいます…" />}>
        <EChart
          option={option}
          label={`${measure.label}: ${shown.map((r) => `${r.label} ${r.display}`).join("、")}`}
          describedBy={statsTableId(measure.group)}
          height={260}
        />
      </Suspense>
    );
  return (
    <figure className="stats-chart">
      <figcaption>{title}</figcaption>
      {body}
      {hidden.length ? (
        <p>グラフに含めていない内訳: {hidden.map((r) => `${r.label}（${r.display}）`).join("、")}</p>
      ) : null}
    </figure>
  );
}
