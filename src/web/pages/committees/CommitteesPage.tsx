import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { OVERALL_OPINION_LABEL } from "../../../domain/labels/committees";
import { api } from "../../api";
import { FormattedText } from "../../components/FormattedText";
import { PageHeading } from "../../components/PageHeading";
import { PlanYearPicker } from "../../components/PlanYearPicker";
import { QueryStatus } from "../../components/Status";
import { usePaper } from "../../components/usePaper";
import { formatDateTime, joinNames } from "../../format";
import { isPlanOffice, useSession } from "../../queries";
import type { Committee, CommitteeReview, Opinion } from "../../types";
import { CommitteeSettings } from "./CommitteeSettings";
import { committeeKeys } from "./keys";
import { AnswerForm, NewOpinionForm, SubmitDraft } from "./OpinionForms";

const route = getRouteApi("/committees");

/**
 * 委員会の意見: a committee's view of a closed year. A member in term reads the results of the items routed to the
 * committee and writes opinions (a draft stays the writer's until submitted); the plan office reads every committee
 * and answers each submitted opinion with 市の対応方針. Printed on A4.
 */
export function CommitteesPage() {
  usePaper("a4-portrait");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onPick = useCallback(
    (planId: string, fy: number | undefined) => navigate({ search: (s) => ({ ...s, planId, fy }), replace: true }),
    [navigate],
  );
  const committees = useQuery({
    queryKey: committeeKeys.list(search.planId ?? ""),
    queryFn: () => api<{ committees: Committee[] }>(`/api/plans/${search.planId}/committees`).then((r) => r.committees),
    enabled: Boolean(search.planId),
  });
  const session = useSession();
  const chosen = committees.data?.find((c) => c.id === search.committee) ?? committees.data?.[0];
  return (
    <>
      <PageHeading title="委員会の意見">
        締めた年度の結果について、委員会の意見と市の対応方針をまとめます。委員は任期中、自分の委員会に回された項目だけを読み、意見を書けます。
      </PageHeading>
      <PlanYearPicker planId={search.planId} fiscalYear={search.fy} onChange={onPick} />
      <QueryStatus query={committees} />
      {committees.data && committees.data.length === 0 && !isPlanOffice(session.data) ? (
        <p>参加している委員会はありません。</p>
      ) : null}
      {committees.data && committees.data.length > 1 ? (
        <nav aria-label="委員会" className="no-print">
          <ul className="inline-list">
            {committees.data.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={c.id === chosen?.id ? "button" : "button secondary"}
                  aria-pressed={c.id === chosen?.id}
                  onClick={() => navigate({ search: (s) => ({ ...s, committee: c.id }), replace: true })}
                >
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {chosen && search.fy ? <CommitteeYear committee={chosen} fiscalYear={search.fy} /> : null}
      {search.planId && committees.data && isPlanOffice(session.data) ? (
        <CommitteeSettings planId={search.planId} committees={committees.data} />
      ) : null}
    </>
  );
}

function CommitteeYear({ committee, fiscalYear }: { committee: Committee; fiscalYear: number }) {
  const review = useQuery({
    queryKey: committeeKeys.year(committee.id, fiscalYear),
    queryFn: () =>
      api<{ review: CommitteeReview }>(`/api/committees/${committee.id}/years/${fiscalYear}`).then((r) => r.review),
    staleTime: 0,
  });
  const data = review.data;
  return (
    <article aria-labelledby="committee-year">
      <h2 id="committee-year">
        {committee.name}（{committee.kindLabel}）{data ? `　${data.fiscalYearLabel}` : ""}
      </h2>
      {committee.marks.length ? <p>担当する構成計画: {committee.marks.join("・")}</p> : null}
      <QueryStatus query={review} />
      {data ? (
        <>
          <RoutedItems review={data} />
          <section aria-labelledby="opinions">
            <h3 id="opinions">意見と市の対応方針（{data.opinions.length}件）</h3>
            {data.opinions.length === 0 ? <p>まだ意見はありません。</p> : null}
            {data.opinions.map((o) => (
              <OpinionCard key={o.id} opinion={o} review={data} />
            ))}
            {data.canWrite ? <NewOpinionForm review={data} /> : null}
          </section>
        </>
      ) : null}
    </article>
  );
}

function RoutedItems({ review }: { review: CommitteeReview }) {
  return (
    <section aria-labelledby="routed-items">
      <h3 id="routed-items">この委員会に回された項目の結果（{review.items.length}件）</h3>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">回された項目の評価と実績</caption>
          <thead>
            <tr>
              <th scope="col">番号</th>
              <th scope="col">事業名</th>
              <th scope="col">所管課</th>
              <th scope="col">評価</th>
              <th scope="col">計画事業の実績等</th>
              <th scope="col">指標（実績・達成状況）</th>
            </tr>
          </thead>
          <tbody>
            {review.items.map((i) => (
              <tr key={i.id}>
                <td>{i.code ?? ""}</td>
                <td>{i.title}</td>
                <td>{joinNames(i.departmentNames)}</td>
                <td>{i.grade ?? i.statusLabel}</td>
                <td>
                  <FormattedText text={i.status === "not_evaluated" ? i.notEvaluatedReason : i.results} />
                </td>
                <td>
                  {i.indicators
                    .map((x) => `${x.name}: ${x.actual ?? "実績なし"}（${x.attainment.statusLabel}）`)
                    .join("、")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OpinionCard({ opinion, review }: { opinion: Opinion; review: CommitteeReview }) {
  const about = opinion.itemId
    ? [opinion.itemCode, opinion.itemTitle].filter(Boolean).join(" ") || "項目"
    : OVERALL_OPINION_LABEL;
  return (
    <section className="report-sheet" aria-label={`${about}への意見（${opinion.authorName}）`}>
      <h4>
        {about}　
        <span className="small">
          {opinion.authorName}　{opinion.statusLabel}
        </span>
      </h4>
      <FormattedText text={opinion.body} />
      {opinion.response ? (
        <dl className="report-fields">
          <dt>市の対応方針（{opinion.responseStatusLabel}）</dt>
          <dd>
            <FormattedText text={opinion.response} />
            <span className="small">
              {opinion.respondedByName}
              {opinion.respondedAt ? `　${formatDateTime(opinion.respondedAt)}` : ""}
            </span>
          </dd>
        </dl>
      ) : null}
      {opinion.status === "draft" && review.canWrite ? <SubmitDraft opinion={opinion} review={review} /> : null}
      {opinion.status === "submitted" && review.canAnswer ? <AnswerForm opinion={opinion} review={review} /> : null}
    </section>
  );
}
