import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { currentFiscalYear, formatFiscalYear } from "../../../../domain/fiscal-year";
import { MEASURE_GROUP_LABELS, SHARE_LABEL } from "../../../../domain/labels/measures";
import { can } from "../../../access";
import { api } from "../../../api";
import { SelectField } from "../../../components/FormField";
import { saveFile } from "../../../components/ImportFindings";
import { PrintMeta } from "../../../components/PrintMeta";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { useSession } from "../../../queries";
import type { StatsAnswer, StatsMeasure } from "../../../types";
import { SuppressionSection } from "./SuppressionSection";
import { statsCsv } from "./statsCsv";

const EChart = lazy(() => import("../../../components/EChart"));
const YEARS_BACK = 6;

/**
 * 重層的支援の統計: the catalogue's counts for a fiscal year (和暦), by 地区 and agency, one table per group with each
 * measure's definition; a chart of the 支援経過 by mode; printable on A4 and saved as CSV. Counts only, never a
 * person: the plan side sees small numbers as 「5未満」.
 */
export function StatsPage() {
  usePageTitle("重層的支援の統計");
  usePaper("a4-portrait");
  const session = useSession();
  const [filter, setFilter] = useState({ fiscalYear: currentFiscalYear(), districtId: "", agencyId: "" });
  const stats = useQuery({
    queryKey: ["stats", filter] as const,
    queryFn: () => {
      const q = new URLSearchParams({ fiscalYear: String(filter.fiscalYear) });
      if (filter.districtId) q.set("districtId", filter.districtId);
      if (filter.agencyId) q.set("agencyId", filter.agencyId);
      return api<StatsAnswer>(`/api/stats?${q}`);
    },
  });
  const data = stats.data;
  const years = Array.from({ length: YEARS_BACK }, (_, i) => currentFiscalYear() - i);
  const scope = data ? scopeLabel(data, filter) : "";
  return (
    <>
      <h1>重層的支援の統計</h1>
      <p className="lead">
        支援の記録から数えた件数です（個人は表示しません）。年度は4月から翌年3月まで、日本時間の日付で数えます。
        {data?.suppressed
          ? `${data.threshold}未満の件数は「${data.threshold}未満」と表示し、合計から逆算できる欄は「秘匿」とします。`
          : null}
      </p>
      <div className="filters no-print">
        <SelectField
          label="年度"
          value={String(filter.fiscalYear)}
          onChange={(v) => setFilter({ ...filter, fiscalYear: Number(v) })}
          options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
        />
        <SelectField
          label="地区"
          value={filter.districtId}
          onChange={(v) => setFilter({ ...filter, districtId: v })}
          options={[
            { value: "", label: "すべて" },
            ...(data?.choices.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <SelectField
          label="機関"
          value={filter.agencyId}
          onChange={(v) => setFilter({ ...filter, agencyId: v })}
          options={[
            { value: "", label: "すべて" },
            ...(data?.choices.agencies ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        {data ? (
          <p className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                saveFile(statsCsv(data, scope), `重層的支援の統計_${formatFiscalYear(data.fiscalYear)}.csv`, "text/csv")
              }
            >
              CSVで保存
            </button>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              印刷
            </button>
          </p>
        ) : null}
      </div>
      <PrintMeta scope={scope} />
      {stats.isPending ? <Loading /> : null}
      {stats.error ? <QueryError error={stats.error} /> : null}
      {data ? (
        <>
          {data.groups.map((g) => (
            <MeasureTable
              key={g.key}
              caption={`${g.label}（${scope}）`}
              measures={data.measures.filter((m) => m.group === g.key)}
            />
          ))}
          <ContactsChart measure={data.measures.find((m) => m.key === "contacts")} />
        </>
      ) : null}
      {can(session.data, "PUT /api/settings/stats") ? <SuppressionSection /> : null}
    </>
  );
}

function scopeLabel(data: StatsAnswer, filter: { districtId: string; agencyId: string }) {
  const district = data.choices.districts.find((d) => d.id === filter.districtId)?.name;
  const agency = data.choices.agencies.find((a) => a.id === filter.agencyId)?.name;
  return [formatFiscalYear(data.fiscalYear), district && `地区: ${district}`, agency && `機関: ${agency}`]
    .filter(Boolean)
    .join("　");
}

function MeasureTable({ caption, measures }: { caption: string; measures: StatsMeasure[] }) {
  return (
    <div className="table-wrap">
      <table className="data stats">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">値</th>
            <th scope="col">内訳</th>
            <th scope="col">定義</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.key}>
              <th scope="row">{m.label}</th>
              <td className="number">
                {m.notApplicable
                  ? m.notApplicable
                  : m.total
                    ? `${m.total.display}${m.total.state === "shown" ? m.unit : ""}`
                    : "―"}
                {m.share !== null ? `（${SHARE_LABEL} ${m.share}%）` : null}
              </td>
              <td>{m.rows.length ? m.rows.map((r) => `${r.label} ${r.display}`).join("、") : "―"}</td>
              <td>{m.definition}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 支援経過 by mode as bars: only the shown counts are drawn (a suppressed one is said under the chart). */
function ContactsChart({ measure }: { measure: StatsMeasure | undefined }) {
  const shown = useMemo(() => (measure?.rows ?? []).filter((r) => r.state === "shown"), [measure]);
  const hidden = (measure?.rows ?? []).filter((r) => r.state !== "shown");
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: shown.map((r) => r.label) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", data: shown.map((r) => r.value ?? 0), barMaxWidth: 40 }],
    }),
    [shown],
  );
  if (!measure || measure.notApplicable || shown.length === 0) return null;
  const summary = `${measure.label}: ${shown.map((r) => `${r.label} ${r.display}`).join("、")}`;
  return (
    <section className="stats-chart">
      <h2>
        {measure.label}（{MEASURE_GROUP_LABELS[measure.group]}）
      </h2>
      <Suspense fallback={<Loading label="グラフを読み込んでいます…" />}>
        <EChart option={option} label={summary} height={260} />
      </Suspense>
      {hidden.length ? (
        <p>グラフに含めていない内訳: {hidden.map((r) => `${r.label}（${r.display}）`).join("、")}</p>
      ) : null}
    </section>
  );
}
