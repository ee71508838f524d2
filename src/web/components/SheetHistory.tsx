import { useId } from "react";
import { formatDateTime, personName } from "../format";
import { useSheetHistory } from "../planQueries";
import { FormattedText } from "./FormattedText";
import { Loading, QueryError } from "./Status";

const EMPTY = "（空欄）";

/** A value before or after a change: text laid out with its lists and paragraphs, anything else as JSON. */
function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined || v === "") return <>{EMPTY}</>;
  if (typeof v === "string") return <FormattedText text={v} empty={EMPTY} />;
  return <>{JSON.stringify(v)}</>;
}

/** 変更履歴: who did what and when, with each field's value before and after. */
export function SheetHistory({ sheetId }: { sheetId: string }) {
  const history = useSheetHistory(sheetId, true);
  const id = useId();
  return (
    <section aria-labelledby={id} className="no-print">
      <h2 id={id}>変更履歴</h2>
      {history.isPending ? <Loading /> : null}
      {history.error ? <QueryError error={history.error} /> : null}
      {history.data && history.data.length === 0 ? <p>履歴はまだありません。</p> : null}
      {history.data?.length ? (
        <ol className="history-list" reversed>
          {[...history.data].reverse().map((h) => (
            <li key={h.id}>
              <p>
                <strong>{h.actionLabel}</strong>　{formatDateTime(h.at)}　{personName(h.actorName, h.actor)}
              </p>
              {h.changes.length ? (
                <div className="table-wrap">
                  <table className="data small history-table">
                    <caption className="visually-hidden">
                      {formatDateTime(h.at)}の{h.actionLabel}で変わった項目
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">項目</th>
                        <th scope="col">変更前</th>
                        <th scope="col">変更後</th>
                      </tr>
                    </thead>
                    <tbody>
                      {h.changes.map((c) => (
                        <tr key={c.field}>
                          <th scope="row">{c.label}</th>
                          <td className="change-value">
                            <Value v={c.before} />
                          </td>
                          <td className="change-value">
                            <Value v={c.after} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="small muted">内容の変更はありません。</p>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
