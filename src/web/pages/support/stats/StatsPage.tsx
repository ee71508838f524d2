import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { currentFiscalYear, formatFiscalYear } from "../../../../domain/fiscal-year";
import { MEASURE_FILTER_LABELS, SHARE_LABEL } from "../../../../domain/labels/measures";
import { can } from "../../../access";
import { api } from "../../../api";
import { SelectField } from "../../../components/FormField";
import { PrintMeta } from "../../../components/PrintMeta";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { useSession } from "../../../queries";
import type { StatsAnswer, StatsMeasure } from "../../../types";
import { StatsCharts, statsTableId } from "./StatsCharts";
import { SuppressionSection } from "./SuppressionSection";

const YEARS_BACK = 6;

interface StatsFilter {
  fiscalYear: number;
  districtId: string;
  agencyId: string;
  projectId: string;
}

/** The query of the answer and of its files: the same filter gives the same numbers. */
function statsQuery(filter: StatsFilter) {
  const q = new URLSearchParams({ fiscalYear: String(filter.fiscalYear) });
  if (filter.districtId) q.set("districtId", filter.districtId);
  if (filter.agencyId) q.set("agencyId", filter.agencyId);
  if (filter.projectId) q.set("projectId", filter.projectId);
  return q.toString();
}

/**
 * 重層的支援の統計: the catalogue's counts for a fiscal year (和暦), by 地区, agency and registry project, one table
 * per group with each measure's definition; bar charts of the breakdowns; printable on A4 and saved as xlsx or CSV
 * (the server writes the files from the same answer and records the export). Counts only, never a person: the plan
 * side sees small numbers as 「5未満」.
 */
export function StatsPage() {
  usePageTitle("重層的支援の統計");
  usePaper("a4-portrait");
  const session = useSession();
  const [filter, setFilter] = useState<StatsFilter>({
    fiscalYear: currentFiscalYear(),
    districtId: "",
    agencyId: "",
    projectId: "",
  });
  const stats = useQuery({
    queryKey: ["stats", filter] as const,
    queryFn: () => api<StatsAnswer>(`/api/stats?${statsQuery(filter)}`),
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
        <SelectField
          label={MEASURE_FILTER_LABELS.project}
          value={filter.projectId}
          onChange={(v) => setFilter({ ...filter, projectId: v })}
          options={[
            { value: "", label: "すべて" },
            ...(data?.choices.projects ?? []).map((p) => ({ value: p.id, label: `${p.number} ${p.name}` })),
          ]}
        />
        {data ? (
          <p className="actions">
            <a className="button secondary" href={`/api/stats/export.xlsx?${statsQuery(filter)}`} download>
              Excelで保存（xlsx）
            </a>
            <a className="button secondary" href={`/api/stats/export.csv?${statsQuery(filter)}`} download>
              CSVで保存
            </a>
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
              id={statsTableId(g.key)}
              caption={`${g.label}（${scope}）`}
              measures={data.measures.filter((m) => m.group === g.key)}
            />
          ))}
          <StatsCharts measures={data.measures} />
        </>
      ) : null}
      {can(session.data, "PUT /api/settings/stats") ? <SuppressionSection /> : null}
    </>
  );
}

function scopeLabel(data: StatsAnswer, filter: StatsFilter) {
  const district = data.choices.districts.find((d) => d.id === filter.districtId)?.name;
  const agency = data.choices.agencies.find((a) => a.id === filter.agencyId)?.name;
  const project = data.choices.projects.find((p) => p.id === filter.projectId);
  return [
    formatFiscalYear(data.fiscalYear),
    district && `地区: ${district}`,
    agency && `機関: ${agency}`,
    project && `事業: ${project.number} ${project.name}`,
  ]
    .filter(Boolean)
    .join("　");
}

function MeasureTable({ id, caption, measures }: { id: string; caption: string; measures: StatsMeasure[] }) {
  return (
    <div className="table-wrap">
      <table className="data stats" id={id}>
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
