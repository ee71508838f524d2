import { ROADMAP_WARNING_LABELS } from "../../domain/labels/roadmaps";
import { fyLabel } from "../format";
import type { RoadmapReport } from "../types";
import { ReadCountTable } from "./CountTable";
import { PreviewFindings, PreviewHeading } from "./ImportFindings";
import type { PreviewParts } from "./ImportReportView";

/**
 * 取込内容の確認 for a monthly roadmap: the year, the counts and the streams as read, and every finding. A roadmap
 * belongs to one plan item or registry project, which the operator names when importing it (`--item` /
 * `--project`), so this screen checks the document and does not commit it.
 */
export function RoadmapPreview({ report, ...parts }: { report: RoadmapReport } & PreviewParts) {
  return (
    <section aria-labelledby="import-preview-title">
      <PreviewHeading alreadyImported={report.alreadyImported} />
      <dl className="summary-list">
        <dt>文書の種類</dt>
        <dd>年間ロードマップ（月間進捗シート）</dd>
        <dt>名称</dt>
        <dd>{report.title || "（読み取れませんでした）"}</dd>
        <dt>年度</dt>
        <dd>{report.fiscalYear ? fyLabel(report.fiscalYear) : "（読み取れませんでした）"}</dd>
        <dt>取組</dt>
        <dd>{report.streams.join("、")}</dd>
      </dl>
      <ReadCountTable
        cells={[
          ["指標", report.indicators],
          ["月", report.months],
          ["実績の記載がある月", report.progressMonths],
          ["自治体の基礎情報の行", report.context],
          ["警告", report.warnings.length],
          ["読み取れなかった行", report.unparsed.length],
        ]}
      />
      <p className="notice">
        年間ロードマップは、付ける計画の項目（または重層事業の事業）を指定して、運用コマンドで取り込みます（例:{" "}
        <code>npm run cli -- import ファイル --municipality 団体コード --item 項目のコード</code>）。
      </p>
      <PreviewFindings
        report={report}
        labels={ROADMAP_WARNING_LABELS}
        intro="年間ロードマップと月間進捗シートの食い違いなどです。取り込むときは両方の記載を残します。"
        parts={{ ...parts, onCommit: null }}
      />
    </section>
  );
}
