import { useId, useState } from "react";
import type { ImportWarning } from "../types";
import type { PreviewParts } from "./ImportReportView";
import { findingsCsv, findingsOf, kindCounts, UNPARSED_KIND } from "./importFindingsCsv";

/** Offers text as a file download (the browser saves it; nothing is sent to the server). */
export function saveFile(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The warnings of an import: where the document disagrees with itself, with the source line. They can be narrowed
 * to one kind, and every finding (warnings and unread lines, with the document's text on that line) can be saved
 * as CSV to check against the PDF.
 */
export function WarningTable({
  warnings,
  unparsed,
  labels,
  intro,
  sourceLines,
  fileName,
}: {
  warnings: ImportWarning[];
  unparsed: { line: number; text: string }[];
  labels: Record<string, string>;
  intro: string;
  /** the chosen file's lines, for the source text column of the CSV (null when it could not be read back) */
  sourceLines: string[] | null;
  fileName: string | null;
}) {
  const filterId = useId();
  const [kind, setKind] = useState("");
  const findings = findingsOf(warnings, unparsed, sourceLines);
  const kinds = kindCounts(findings).filter(([k]) => k !== UNPARSED_KIND);
  const shown = kind === "" ? warnings : warnings.filter((w) => w.kind === kind);
  const download = () => {
    const base = (fileName ?? "取込").replace(/\.[^.]*$/, "");
    saveFile(findingsCsv(findings, labels), `${base}_警告と読み取れなかった行.csv`, "text/csv;charset=utf-8");
  };
  return (
    <>
      {findings.length ? (
        <div className="filters">
          {warnings.length ? (
            <div className="field">
              <label htmlFor={filterId}>警告の種類</label>
              <select id={filterId} value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">すべて（{warnings.length}件）</option>
                {kinds.map(([k, n]) => (
                  <option key={k} value={k}>
                    {labels[k] ?? k}（{n}件）
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <button type="button" className="button secondary" onClick={download}>
              警告と読み取れなかった行をCSVで保存
            </button>
          </div>
        </div>
      ) : null}
      {warnings.length ? (
        <>
          <p>{intro}</p>
          <p className="small" aria-live="polite">
            {kind === ""
              ? `${warnings.length}件すべてを表示しています。`
              : `${labels[kind] ?? kind}の${shown.length}件を表示しています。`}
          </p>
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
                {shown.map((w, i) => (
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
      ) : (
        <p>警告はありません。</p>
      )}
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

/**
 * The end of a text document's preview: the departments it names, the button that imports it, the warnings and
 * the lines that could not be read.
 */
export function PreviewFindings({
  report,
  labels,
  intro,
  parts,
}: {
  report: { warnings: ImportWarning[]; unparsed: { line: number; text: string }[] };
  labels: Record<string, string>;
  intro: string;
  parts: PreviewParts;
}) {
  const { onCommit, busy, departments, sourceLines, fileName } = parts;
  return (
    <>
      {departments}

      <h3>警告（{report.warnings.length}件）</h3>
      {onCommit ? (
        <div className="page-actions">
          <button type="button" className="button" onClick={onCommit} disabled={busy}>
            {busy ? "取り込んでいます…" : "取り込む"}
          </button>
          <span className="small">警告と読み取れなかった行は、下の一覧で確かめられます。</span>
        </div>
      ) : null}
      <WarningTable
        warnings={report.warnings}
        unparsed={report.unparsed}
        labels={labels}
        intro={intro}
        sourceLines={sourceLines}
        fileName={fileName}
      />

      <UnparsedLines lines={report.unparsed} />
    </>
  );
}

/** The heading of a text document's preview, and whether the same document was imported before. */
export function PreviewHeading({ alreadyImported }: { alreadyImported: boolean | undefined }) {
  return (
    <>
      <h2 id="import-preview-title">取込内容の確認</h2>
      {alreadyImported ? (
        <div className="notice warning">
          <p>
            <strong>既に取り込み済み</strong>
            の文書です。「取り込む」を押しても、同じ内容が二重に登録されることはありません。
          </p>
        </div>
      ) : null}
    </>
  );
}
