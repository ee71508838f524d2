import { Link } from "@tanstack/react-router";
import { ATTAINMENT_LABELS, ATTAINMENT_STATUSES } from "../../domain/labels/indicators";
import type { AttainmentStatus, AttainmentTally, IndicatorActual, IndicatorTarget, IndicatorYear } from "../types";

/** The name to show: a plan may leave the indicator's name as a dash ("—"), which says nothing as a link. */
export function indicatorLabel(name: string): string {
  return /^[\s\-‐‑‒–—―−－ー─]*$/.test(name) ? `（指標名の記載なし: ${name.trim() || "空欄"}）` : name;
}

/** 1.0357 → "103.6%"; null → "－". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "－";
  return `${(rate * 100).toFixed(1)}%`;
}

/** The share of decidable indicators met, as a percentage ("50.0%"), or "－" when nothing is decidable. */
export function formatShare(t: AttainmentTally): string {
  return t.share === null ? "－" : `${(t.share * 100).toFixed(1)}%`;
}

/** 達成 / 未達成 / 要判定 / 実績未入力 (ATTAINMENT_LABELS), coloured and with the reason as a tooltip (the reason is also in the text). */
export function AttainmentBadge({ status, reason }: { status: AttainmentStatus; reason?: string }) {
  return (
    <span className={`status attain-${status}`} title={reason}>
      {ATTAINMENT_LABELS[status] ?? status}
    </span>
  );
}

export function targetText(t: IndicatorTarget | null): string {
  return t ? t.formatted || t.source : "－";
}

export function actualText(a: IndicatorActual | null): string {
  return a ? a.display || "－" : "－";
}

/** Counts of an AttainmentTally as a short Japanese sentence. */
export function tallyText(t: AttainmentTally): string {
  const counts = ATTAINMENT_STATUSES.map((s) => `${ATTAINMENT_LABELS[s]}${t[s]}`).join("・");
  return `指標${t.indicators}件（${counts}）`;
}

/**
 * The indicators of one fiscal year as a read-only table (評価表, 自分の課): 指標, 目標, 実績, 達成状況, 達成率.
 * The indicator's name links to its 推移 (all years, chart and table).
 */
export function IndicatorYearTable({
  indicators,
  caption,
  fiscalYearLabel,
  captionHidden = false,
}: {
  indicators: IndicatorYear[];
  caption: string;
  fiscalYearLabel: string;
  captionHidden?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="data indicator-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">目標（{fiscalYearLabel}）</th>
            <th scope="col">実績</th>
            <th scope="col">達成状況</th>
            <th scope="col" className="num">
              達成率
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to="/indicators/$indicatorId" params={{ indicatorId: i.id }}>
                  {indicatorLabel(i.name)}
                </Link>
                <span className="small muted block">
                  {i.kindLabel}
                  {i.item?.code ? `／${i.item.code}` : ""}
                </span>
              </td>
              <td>{targetText(i.target)}</td>
              <td>
                {actualText(i.actual)}
                {i.actual?.comment ? <span className="small muted block">{i.actual.comment}</span> : null}
              </td>
              <td>
                <AttainmentBadge status={i.attainment.status} reason={i.attainment.reason} />
                <span className="small muted block">{i.attainment.reason}</span>
              </td>
              <td className="num">{formatRate(i.attainment.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
