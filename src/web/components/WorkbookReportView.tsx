import { WORKBOOK_PROBLEM_LABELS } from "../../domain/labels/imports";
import type { WorkbookReport } from "../types";

const show = (v: string | null) => (v === null || v === "" ? "（空欄）" : v);

/** What an edited evaluation workbook would change (preview) or changed (after 取り込む). */
export function WorkbookPreview({
  report,
  onCommit,
  busy,
}: {
  report: WorkbookReport;
  onCommit: (() => void) | null;
  busy: boolean;
}) {
  return (
    <section aria-labelledby="workbook-preview-title">
      <h2 id="workbook-preview-title">
        {report.dryRun ? "取込内容の確認" : "取込の結果"}（Excel 評価表の一括更新・{report.fiscalYearLabel}）
      </h2>
      <dl className="summary-list">
        <dt>変更のある評価表</dt>
        <dd>{report.changed.length}件</dd>
        <dt>変更のない評価表</dt>
        <dd>{report.unchanged}件</dd>
        <dt>競合（取り込まない）</dt>
        <dd>{report.conflicts.length}件</dd>
        <dt>問題のあるシート</dt>
        <dd>{report.problems.length}件</dd>
      </dl>

      <h3>変更される内容</h3>
      {report.changed.length ? (
        <SheetFieldTable
          caption="変更される評価表と項目"
          sheets={report.changed}
          headers={["変更前", "変更後"]}
          values={(f) => [f.before, f.after]}
        />
      ) : (
        <p>変更のある評価表はありません。</p>
      )}

      {report.conflicts.length ? (
        <>
          <h3>競合（取り込みません）</h3>
          <p>書き出した後に、このシステムで同じ欄が更新された評価表です。画面で内容を確かめて直接修正してください。</p>
          <SheetFieldTable
            caption="競合した評価表"
            sheets={report.conflicts}
            headers={["ファイルの内容", "現在の内容"]}
            values={(f) => [f.file, f.current]}
          />
        </>
      ) : null}

      {report.problems.length ? (
        <>
          <h3>問題のあるシート</h3>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">問題のあるシート</caption>
              <thead>
                <tr>
                  <th scope="col">種類</th>
                  <th scope="col">シート</th>
                  <th scope="col">セル</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.kind}:${p.worksheet}:${p.cell}:${p.message}`}>
                    <td>{(WORKBOOK_PROBLEM_LABELS as Record<string, string>)[p.kind] ?? p.kind}</td>
                    <td>{p.worksheet ?? ""}</td>
                    <td>{p.cell ?? ""}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {onCommit && report.dryRun && report.changed.length ? (
        <div className="page-actions">
          <button type="button" className="button" onClick={onCommit} disabled={busy}>
            {busy ? "取り込んでいます…" : "取り込む"}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** One row per field of each sheet; the sheet's number and name on its first row only. */
function SheetFieldTable<F extends { field: string; label: string }>({
  caption,
  sheets,
  headers,
  values,
}: {
  caption: string;
  sheets: { sheetId: string; code: string | null; title: string; fields: F[] }[];
  headers: [string, string];
  values: (field: F) => [string | null, string | null];
}) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">番号</th>
            <th scope="col">事業名</th>
            <th scope="col">項目</th>
            <th scope="col">{headers[0]}</th>
            <th scope="col">{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {sheets.flatMap((s) =>
            s.fields.map((f, i) => (
              <tr key={`${s.sheetId}:${f.field}`}>
                <td>{i === 0 ? (s.code ?? "") : ""}</td>
                <td>{i === 0 ? s.title : ""}</td>
                <th scope="row">{f.label}</th>
                {values(f).map((v, j) => (
                  <td key={headers[j]} className="change-value">
                    {show(v)}
                  </td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
