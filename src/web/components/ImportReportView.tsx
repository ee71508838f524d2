import type { ReactNode } from "react";
import { EVALUATION_WARNING_LABELS } from "../../domain/labels/imports";
import { fyLabel } from "../format";
import {
  type ImportReport,
  isPlanDocumentReport,
  isProgrammeReport,
  isRoadmapReport,
  type PlanDocumentReport,
  type ProgrammeReport,
  type RoadmapReport,
} from "../types";
import { ReadCountTable } from "./CountTable";
import { PreviewFindings, PreviewHeading } from "./ImportFindings";
import { PlanDocumentPreview } from "./PlanDocumentReportView";
import { ProgrammePreview } from "./ProgrammeReportView";
import { RoadmapPreview } from "./RoadmapReportView";

function gradeCountsOf(report: ImportReport): { counts: Record<string, number>; ungraded: number | null } {
  const gc = report.gradeCounts as Record<string, unknown>;
  if (gc && typeof gc.counts === "object" && gc.counts !== null) {
    return {
      counts: gc.counts as Record<string, number>,
      ungraded: typeof gc.ungraded === "number" ? gc.ungraded : null,
    };
  }
  return { counts: (gc ?? {}) as Record<string, number>, ungraded: null };
}

/** What the import page adds to every text document's preview. */
export interface PreviewParts {
  onCommit: (() => void) | null;
  busy: boolean;
  /** the departments the document names, with the plan office's choices (ImportDepartments) */
  departments: ReactNode;
  /** the chosen file's lines, for the findings' CSV */
  sourceLines: string[] | null;
  fileName: string | null;
}

/**
 * 取込内容の確認 of a text document: the evaluation document here, plan documents in PlanDocumentPreview, the
 * programme registry in ProgrammePreview, a monthly roadmap in RoadmapPreview.
 */
export function ImportPreview({
  report,
  ...parts
}: { report: ImportReport | PlanDocumentReport | ProgrammeReport | RoadmapReport } & PreviewParts) {
  if (isRoadmapReport(report)) return <RoadmapPreview report={report} {...parts} />;
  if (isProgrammeReport(report)) return <ProgrammePreview report={report} {...parts} />;
  if (isPlanDocumentReport(report)) return <PlanDocumentPreview report={report} {...parts} />;
  return <EvaluationPreview report={report} {...parts} />;
}

function EvaluationPreview({ report, ...parts }: { report: ImportReport } & PreviewParts) {
  const grades = gradeCountsOf(report);
  const codes = report.gradeScale?.map((g) => g.code) ?? Object.keys(grades.counts);
  const label = (code: string) => report.gradeScale?.find((g) => g.code === code)?.label;
  return (
    <section aria-labelledby="import-preview-title">
      <PreviewHeading alreadyImported={report.alreadyImported} />
      <dl className="summary-list">
        <dt>計画名</dt>
        <dd>{report.plan.title || "（読み取れませんでした）"}</dd>
        <dt>計画期間</dt>
        <dd>
          {report.plan.startFiscalYear ? fyLabel(report.plan.startFiscalYear) : "－"}～
          {report.plan.endFiscalYear ? fyLabel(report.plan.endFiscalYear) : "－"}
        </dd>
        <dt>評価の年度</dt>
        <dd>{report.fiscalYear ? fyLabel(report.fiscalYear) : "（読み取れませんでした）"}</dd>
      </dl>
      <ReadCountTable
        cells={[
          ["基本目標", report.goals],
          ["施策", report.measures],
          ["事業", report.items],
          ["評価表", report.sheets],
          ["警告", report.warnings.length],
          ["読み取れなかった行", report.unparsed.length],
        ]}
      />
      <div className="table-wrap">
        <table className="data">
          <caption>評価ごとの件数（評価表による）</caption>
          <thead>
            <tr>
              {codes.map((c) => (
                <th key={c} scope="col" className="center" title={label(c)}>
                  {c}
                </th>
              ))}
              {grades.ungraded !== null ? (
                <th scope="col" className="center">
                  評価なし
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            <tr>
              {codes.map((c) => (
                <td key={c} className="num">
                  {grades.counts[c] ?? 0}
                </td>
              ))}
              {grades.ungraded !== null ? <td className="num">{grades.ungraded}</td> : null}
            </tr>
          </tbody>
        </table>
      </div>

      <PreviewFindings
        report={report}
        labels={EVALUATION_WARNING_LABELS}
        intro="文書の中で食い違っている箇所です。取り込む値は評価表に書かれたとおりで、原文も保存されます。"
        parts={parts}
      />
    </section>
  );
}
