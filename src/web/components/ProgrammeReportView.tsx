import { PROGRAMME_WARNING_LABELS } from "../../domain/labels/programme";
import type { ProgrammeReport } from "../types";
import { ReadCountTable } from "./CountTable";
import { PreviewFindings, PreviewHeading } from "./ImportFindings";
import type { PreviewParts } from "./ImportReportView";

/**
 * 取込内容の確認 for a 重層的支援体制整備事業 実施計画: the projects as read, each with its categories and 所管課, so
 * the plan office can check them against the PDF's table before the registry is written.
 */
export function ProgrammePreview({ report, ...parts }: { report: ProgrammeReport } & PreviewParts) {
  const parentOf = new Map(report.registry.categories.map((c) => [c.name, c.parent]));
  return (
    <section aria-labelledby="import-preview-title">
      <PreviewHeading alreadyImported={report.alreadyImported} />
      <dl className="summary-list">
        <dt>文書の種類</dt>
        <dd>重層的支援体制整備事業の実施計画（事業一覧）</dd>
        <dt>文字コード</dt>
        <dd>{report.encoding}</dd>
      </dl>
      <ReadCountTable
        cells={[
          ["法対象事業（事業区分）", report.topCategories],
          ["法対象事業（区分の内訳を含む）", report.categories],
          ["区該当事業", report.projects],
          ["一体的連携事業", report.integrated],
          ["警告", report.warnings.length],
          ["読み取れなかった行", report.unparsed.length],
        ]}
      />
      <div className="table-wrap">
        <table className="data">
          <caption>読み取った事業（{report.projects}件）</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                番号
              </th>
              <th scope="col">区該当事業</th>
              <th scope="col">法対象事業</th>
              <th scope="col">所管課（文書のとおり）</th>
              <th scope="col">行</th>
            </tr>
          </thead>
          <tbody>
            {report.registry.projects.map((p) => (
              <tr key={p.number}>
                <td className="num">{p.number}</td>
                <th scope="row">
                  {p.name}
                  {p.integrated ? <span className="badge"> 一体的連携事業</span> : null}
                </th>
                <td>
                  {p.categories
                    .map((c) => {
                      const parent = parentOf.get(c);
                      return parent ? `${parent}／${c}` : c;
                    })
                    .join("、")}
                </td>
                <td>{p.departments.join("、")}</td>
                <td className="num">{p.line}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PreviewFindings
        report={report}
        labels={PROGRAMME_WARNING_LABELS}
        intro="事業の表と内容の表が対応していない箇所です。取り込む値は事業の表に書かれたとおりです。"
        parts={parts}
      />
    </section>
  );
}
