import { getRouteApi, Link } from "@tanstack/react-router";
import { lazy, Suspense, useCallback, useId, useMemo } from "react";
import { ATTAINMENT_LABELS } from "../../domain/labels/indicators";
import { type ShareRow, shareOption, shareSummary } from "../components/chartOptions";
import { formatShare, tallyText } from "../components/Indicators";
import { PageHeading } from "../components/PageHeading";
import { PlanPeriodPicker } from "../components/PlanPeriodPicker";
import { Loading, QueryStatus } from "../components/Status";
import { useAttainmentShare } from "../indicatorQueries";
import type { AttainmentShare } from "../types";

const EChart = lazy(() => import("../components/EChart"));
const route = getRouteApi("/indicators/attainment");

export function AttainmentPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: { planId, fy }, replace: true }),
    [navigate],
  );
  const share = useAttainmentShare(search.planId, search.fy);

  return (
    <>
      <PageHeading title="指標の達成状況">
        目標を達成した指標の割合を、基本目標ごと・担当課ごとに集計します。割合は、達成・未達成を判定できる指標に対するものです（
        {ATTAINMENT_LABELS.manual}・{ATTAINMENT_LABELS.noActual}は含みません）。
      </PageHeading>
      <PlanPeriodPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick} />
      {search.planId && search.fy ? (
        <p className="no-print">
          <Link to="/indicators" search={{ planId: search.planId, fy: search.fy }}>
            指標の一覧へ
          </Link>
        </p>
      ) : null}
      <QueryStatus query={share} />
      {share.data ? <ShareView share={share.data} /> : null}
    </>
  );
}

/** The counts of a row of the tables, in the order of their columns. */
const COUNT_COLUMNS = [
  ["indicators", "指標"],
  ["met", ATTAINMENT_LABELS.met],
  ["notMet", ATTAINMENT_LABELS.notMet],
  ["manual", ATTAINMENT_LABELS.manual],
  ["noActual", ATTAINMENT_LABELS.noActual],
] as const;

function ShareView({ share }: { share: AttainmentShare }) {
  const goals: ShareRow[] = useMemo(
    () =>
      share.goals.map((g) => ({
        name: g.item ? [g.item.code, g.item.title].filter(Boolean).join(" ") : "（不明）",
        tally: g,
      })),
    [share.goals],
  );
  const departments: ShareRow[] = useMemo(
    () => share.departments.map((d) => ({ name: d.department.name, tally: d })),
    [share.departments],
  );
  const goalLevel = share.goals[0]?.item?.levelName || "基本目標";
  return (
    <>
      <p>
        {share.fiscalYearLabel}：{tallyText(share.total)}。判定できる指標のうち達成の割合:{" "}
        <strong>{formatShare(share.total)}</strong>
      </p>
      <ShareSection
        title={`${goalLevel}別`}
        nameHeader={goalLevel}
        rows={goals}
        fiscalYearLabel={share.fiscalYearLabel}
      />
      <ShareSection title="担当課別" nameHeader="担当課" rows={departments} fiscalYearLabel={share.fiscalYearLabel} />
    </>
  );
}

function ShareSection({
  title,
  nameHeader,
  rows,
  fiscalYearLabel,
}: {
  title: string;
  nameHeader: string;
  rows: ShareRow[];
  fiscalYearLabel: string;
}) {
  const id = useId();
  const option = useMemo(() => shareOption(rows), [rows]);
  const chartTitle = `${fiscalYearLabel} ${title}の達成の割合`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>集計できる指標がありません。</p>
      ) : (
        <>
          {rows.some((r) => r.tally.share !== null) ? (
            <Suspense fallback={<Loading label="グラフを読み込んでいます…" />}>
              <EChart
                option={option}
                label={shareSummary(chartTitle, rows)}
                height={Math.max(160, rows.length * 44 + 40)}
              />
            </Suspense>
          ) : (
            <p>達成・未達成を判定できる指標（実績が入力された数値・段階の目標）がまだないため、グラフはありません。</p>
          )}
          <div className="table-wrap">
            <table className="data">
              <caption>{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{nameHeader}</th>
                  {COUNT_COLUMNS.map(([key, heading]) => (
                    <th key={key} scope="col" className="num">
                      {heading}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    達成の割合
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}</th>
                    {COUNT_COLUMNS.map(([key]) => (
                      <td key={key} className="num">
                        {r.tally[key]}
                      </td>
                    ))}
                    <td className="num">{formatShare(r.tally)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
