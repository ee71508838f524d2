import type { ReactNode } from "react";
import { formatDateTime } from "../../../format";

interface CaseEvent {
  seq: number;
  at: string;
  byAgency: { name: string } | null;
  reason: string | null;
}

const none = <span className="muted">－</span>;

/**
 * A history table of the case page: when, the section's own columns, which agency made the change and why. Every
 * section's history reads the same way (and prints the same way). It is folded under its caption, so the current
 * state comes first; a printout opens every fold (usePrintUnfolded).
 */
export function HistoryTable<E extends CaseEvent>(props: {
  caption: string;
  events: E[];
  columns: { header: string; cell: (e: E) => ReactNode; nowrap?: boolean }[];
  rowKey?: (e: E) => string | number;
  atHeader?: string;
  byHeader?: string;
  reasonHeader?: string;
}) {
  const { caption, events, columns, rowKey = (e) => e.seq } = props;
  return (
    <details className="history" data-print-open>
      <summary>
        {caption}（{events.length}件）
      </summary>
      <div className="table-wrap">
        <table className="data">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.atHeader ?? "日時"}</th>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
              <th scope="col">{props.byHeader ?? "変更した機関"}</th>
              <th scope="col">{props.reasonHeader ?? "理由"}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={rowKey(e)}>
                <td className="nowrap">{formatDateTime(e.at)}</td>
                {columns.map((c) => (
                  <td key={c.header} className={c.nowrap ? "nowrap" : undefined}>
                    {c.cell(e) ?? none}
                  </td>
                ))}
                <td>{e.byAgency?.name ?? none}</td>
                <td className="pre-wrap">{e.reason ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
