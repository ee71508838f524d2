import { Link } from "@tanstack/react-router";
import { StatusBadge } from "../../components/Badges";
import { PrintMeta } from "../../components/PrintMeta";
import { formatDateTime } from "../../format";
import type { Sheet } from "../../types";

/** Title, state and dates of the sheet, and the reason it was returned. */
export function SheetHeading({ current }: { current: Sheet }) {
  const editable = current.editable;
  return (
    <>
      <p className="no-print">
        <Link to="/evaluations" search={{ planId: current.planId, fy: current.fiscalYear }}>
          評価表の一覧へ戻る
        </Link>
      </p>
      <h1>事業別評価表（{current.fiscalYearLabel}）</h1>
      <PrintMeta status={current.statusLabel} />
      <p className="lead">{current.planTitle}</p>
      <div className="sheet-meta">
        <span>
          状態: <StatusBadge status={current.status} label={current.statusLabel} />
        </span>
        <span className="small muted">最終更新 {formatDateTime(current.updatedAt)}</span>
        {current.submittedAt ? <span className="small muted">提出 {formatDateTime(current.submittedAt)}</span> : null}
        {!editable ? (
          <span className="small no-print">
            {current.status === "submitted" || current.status === "accepted"
              ? "提出済みのため編集できません（修正が必要なときは計画所管課に差し戻しを依頼してください）。"
              : "閲覧のみです。"}
          </span>
        ) : null}
      </div>

      {current.reviewComment && current.status === "returned" ? (
        <section className="review-comment" aria-labelledby="review-comment-title">
          <h2 id="review-comment-title">差し戻し理由</h2>
          <p>{current.reviewComment}</p>
        </section>
      ) : null}
    </>
  );
}
