import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { formatJapaneseMonth } from "../../../domain/japanese-date";
import { PageHeading } from "../../components/PageHeading";
import { QueryStatus } from "../../components/Status";
import { usePaper } from "../../components/usePaper";
import { joinNames } from "../../format";
import { planUrl } from "../../planQueries";
import type { MidYearReport } from "../../types";
import { MidYearPicker } from "./MidYearPicker";
import { useMidYearReport } from "./midYearQueries";

const route = getRouteApi("/mid-year-report");

type ReportRow = MidYearReport["groups"][number]["sheets"][number];

/** 中間報告書: every project's progress under its place in the plan tree, the counts, what to watch; A4 landscape. */
export function MidYearReportPage() {
  usePaper("a4-landscape");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: (s) => ({ ...s, planId, fy }), replace: true }),
    [navigate],
  );
  const report = useMidYearReport(search.planId, search.fy);
  return (
    <>
      <PageHeading title="中間報告書">
        年度の途中の各事業の進捗です。計画の体系ごとにまとめ、進捗状況・状態ごとの件数、遅れ・未提出の事業を示します。
      </PageHeading>
      <div className="no-print">
        <MidYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick} />
      </div>
      <QueryStatus query={report} />
      {report.data ? <Report report={report.data} /> : null}
    </>
  );
}

function Report({ report }: { report: MidYearReport }) {
  return (
    <article className="mid-year-report">
      <h2>
        {report.plan.title}　{report.fiscalYearLabel} 中間報告（{report.round.statusLabel}）
      </h2>
      <div className="page-actions no-print">
        <a
          href={planUrl(report.plan.id, `/mid-year/${report.fiscalYear}/report.xlsx`)}
          download
          className="button secondary"
        >
          Excel形式（xlsx）でダウンロード
        </a>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          印刷（A4横）
        </button>
      </div>
      <section aria-labelledby="mid-year-counts">
        <h3 id="mid-year-counts">件数</h3>
        <table className="count-table">
          <caption>進捗状況（計 {report.total}件）</caption>
          <thead>
            <tr>
              {report.byProgress.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {report.byProgress.map((c) => (
                <td key={c.key}>{c.count}</td>
              ))}
            </tr>
          </tbody>
        </table>
        <table className="count-table">
          <caption>状態</caption>
          <thead>
            <tr>
              {report.byStatus.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {report.byStatus.map((c) => (
                <td key={c.key}>{c.count}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <ItemList id="mid-year-late" heading="遅れ・未着手の事業" rows={report.late} />
      <ItemList id="mid-year-unsubmitted" heading="未提出の事業" rows={report.unsubmitted} />
      <section aria-labelledby="mid-year-progress">
        <h3 id="mid-year-progress">事業ごとの進捗</h3>
        {report.groups.map((g) => (
          <section key={g.key} className="mid-year-group">
            <h4>{g.path.map((p) => [p.code, p.title].filter(Boolean).join(" ")).join(" ＞ ") || "（体系外）"}</h4>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">番号</th>
                  <th scope="col">事業名</th>
                  <th scope="col">所管課</th>
                  <th scope="col">状態</th>
                  <th scope="col">進捗状況</th>
                  <th scope="col">課題</th>
                  <th scope="col">下半期の予定</th>
                  <th scope="col">指標の上半期の実績</th>
                </tr>
              </thead>
              <tbody>
                {g.sheets.map((s) => (
                  <tr key={s.id}>
                    <td>{s.code}</td>
                    <td>
                      <Link to="/mid-year-sheets/$sheetId" params={{ sheetId: s.id }}>
                        {s.title}
                      </Link>
                    </td>
                    <td>{joinNames(s.departmentNames)}</td>
                    <td>{s.statusLabel}</td>
                    <td>{s.progressLabel ?? "－"}</td>
                    <td className="pre-wrap">{s.issues}</td>
                    <td className="pre-wrap">{s.secondHalfPlan}</td>
                    <td>
                      {s.indicators.map((i) => (
                        <div key={i.id}>
                          {i.name}: {i.actual ?? "未記入"}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </section>
      <RoadmapStanding report={report} />
    </article>
  );
}

function ItemList({ id, heading, rows }: { id: string; heading: string; rows: ReportRow[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {heading}（{rows.length}件）
      </h3>
      {rows.length ? (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              {[r.code, r.title].filter(Boolean).join(" ")}（{joinNames(r.departmentNames)}）: {r.statusLabel}
              {r.progressLabel ? `・${r.progressLabel}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>ありません。</p>
      )}
    </section>
  );
}

/** The items' monthly roadmaps of the year as they stand: months passed, months with what happened, slips. */
function RoadmapStanding({ report }: { report: MidYearReport }) {
  if (report.roadmaps.length === 0) return null;
  return (
    <section aria-labelledby="mid-year-roadmaps">
      <h3 id="mid-year-roadmaps">年間ロードマップの状況</h3>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">番号</th>
            <th scope="col">事業名</th>
            <th scope="col">経過した月</th>
            <th scope="col">取組状況を記入した月</th>
            <th scope="col">遅れのある月</th>
          </tr>
        </thead>
        <tbody>
          {report.roadmaps.map((r) => (
            <tr key={r.roadmapId}>
              <td>{r.code}</td>
              <td>
                <Link to="/roadmaps/$roadmapId" params={{ roadmapId: r.roadmapId }}>
                  {r.title}
                </Link>
              </td>
              <td>{r.monthsDue}か月</td>
              <td>{r.monthsDone}か月</td>
              <td>
                {r.slipped.length === 0
                  ? "なし"
                  : r.slipped.map((m) => (
                      <div key={m.month}>
                        {formatJapaneseMonth(m.month)}
                        {m.note ? `：${m.note}` : ""}
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
