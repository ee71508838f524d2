import { getRouteApi, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { MATRIX_MARK_LABELS } from "../../domain/labels/indicators";
import { formatShare, IndicatorYearTable, tallyText } from "../components/Indicators";
import { PageHeading } from "../components/PageHeading";
import { PlanPeriodPicker } from "../components/PlanPeriodPicker";
import { QueryStatus } from "../components/Status";
import { joinNames } from "../format";
import { useMyDepartment } from "../indicatorQueries";
import { useSession } from "../queries";
import type { MyDepartment } from "../types";

const route = getRouteApi("/my-department");

export function MyDepartmentPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  const hasDepartments = (session.data?.user.departmentIds.length ?? 0) > 0;
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: { planId, fy }, replace: true }),
    [navigate],
  );
  const mine = useMyDepartment(hasDepartments ? search.planId : undefined, search.fy);

  return (
    <>
      <PageHeading title="自分の課の取組">
        {mine.data?.departments.length
          ? `${joinNames(mine.data.departments.map((d) => d.name))}が担当する取組と、その指標の達成状況です。`
          : "あなたの課が担当する取組と、その指標の達成状況です。"}
      </PageHeading>
      {!hasDepartments ? (
        <p>所属する課が登録されていないため、表示できる取組はありません。</p>
      ) : (
        <PlanPeriodPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick} />
      )}
      <QueryStatus query={mine} />
      {mine.data && search.planId ? <MyItems data={mine.data} planId={search.planId} /> : null}
    </>
  );
}

function MyItems({ data, planId }: { data: MyDepartment; planId: string }) {
  return (
    <>
      <p>
        {data.fiscalYearLabel}：担当の取組 {data.items.length}件、{tallyText(data.counts)}。達成の割合:{" "}
        <strong>{formatShare(data.counts)}</strong>
      </p>
      <p className="no-print page-actions">
        <Link to="/indicators" search={{ planId, fy: data.fiscalYear }}>
          指標の実績を入力する
        </Link>
        <Link to="/evaluations" search={{ planId, fy: data.fiscalYear }}>
          評価表の一覧へ
        </Link>
      </p>
      {data.items.length === 0 ? <p>この計画には、あなたの課が担当する取組はありません。</p> : null}
      {data.items.map((entry, i) => {
        const title = entry.item ? [entry.item.code, entry.item.title].filter(Boolean).join(" ") : "（不明な取組）";
        return (
          <section key={entry.item?.id ?? i} className="my-item" aria-labelledby={`my-item-${i}`}>
            <h2 id={`my-item-${i}`} className="my-item-title">
              {title}
              <span className={`badge ${entry.mark === "own" ? "mine-own" : "mine-below"}`}>
                {MATRIX_MARK_LABELS[entry.mark ?? "rolledUp"]}
              </span>
            </h2>
            <p className="small muted">
              {entry.goal && entry.goal.id !== entry.item?.id
                ? `${entry.goal.levelName} ${[entry.goal.code, entry.goal.title].filter(Boolean).join(" ")}　`
                : ""}
              担当課: {joinNames(entry.departments.map((d) => d.name)) || "－"}
            </p>
            {entry.indicators.length ? (
              <>
                <p>
                  {tallyText(entry.counts)}　
                  <span className="suggestion-inline">
                    指標からの評価の目安: <strong>{entry.suggestedGrade.grade ?? "なし"}</strong>（
                    {entry.suggestedGrade.reason}）
                  </span>
                </p>
                <IndicatorYearTable
                  indicators={entry.indicators}
                  caption={`${title}の指標（${data.fiscalYearLabel}）`}
                  fiscalYearLabel={data.fiscalYearLabel}
                  captionHidden
                />
              </>
            ) : (
              <p>この取組には指標が登録されていません。</p>
            )}
          </section>
        );
      })}
    </>
  );
}
