import type { ImportWarning } from "../types";

/** The warnings of an import: where the document disagrees with itself, with the source line. */
export function WarningTable({
  warnings,
  labels,
  intro,
}: {
  warnings: ImportWarning[];
  labels: Record<string, string>;
  intro: string;
}) {
  if (!warnings.length) return <p>警告はありません。</p>;
  return (
    <>
      <p>{intro}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">警告の一覧</caption>
          <thead>
            <tr>
              <th scope="col">種類</th>
              <th scope="col" className="num">
                行
              </th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id
              <tr key={i}>
                <td className="nowrap">{labels[w.kind] ?? w.kind}</td>
                <td className="num">{w.line}</td>
                <td>{w.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The lines an import could not use, each with its number and text as written: nothing is dropped unseen. */
export function UnparsedLines({ lines }: { lines: { line: number; text: string }[] }) {
  return (
    <>
      <h3>読み取れなかった行（{lines.length}件）</h3>
      {lines.length ? (
        <details>
          <summary>読み取れなかった行を表示</summary>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">読み取れなかった行</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    行
                  </th>
                  <th scope="col">原文</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((u) => (
                  <tr key={u.line}>
                    <td className="num">{u.line}</td>
                    <td className="change-value">{u.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : (
        <p>ありません。</p>
      )}
    </>
  );
}
