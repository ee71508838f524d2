import type { ReactNode } from "react";
import { PLAN_WARNING_LABELS } from "../../domain/labels/imports";
import { ATTAINMENT_LABELS, TARGET_KIND_LABELS } from "../../domain/labels/indicators";
import { fyLabel } from "../format";
import type { PlanDocumentReport, TargetKindCounts } from "../types";
import { CountTable, ReadCountTable } from "./CountTable";
import { PreviewFindings, PreviewHeading } from "./ImportFindings";
import type { PreviewParts } from "./ImportReportView";

const TARGET_KINDS: [keyof TargetKindCounts, string][] = [
  ["numeric", TARGET_KIND_LABELS.numeric],
  ["milestone", TARGET_KIND_LABELS.milestone],
  ["asNeeded", TARGET_KIND_LABELS.asNeeded],
  ["text", `${TARGET_KIND_LABELS.text}（要分類）`],
  ["blank", "目標なし（—）"],
];

function periodText(start: number | null, end: number | null) {
  if (!start && !end) return "（読み取れませんでした）";
  return `${start ? fyLabel(start) : "－"}～${end ? fyLabel(end) : "－"}`;
}

/** 読み取った件数: a 実施計画 counts its levels and its 担当課 matrix, a basic plan's tables their policies. */
function readCounts(report: PlanDocumentReport): [string, ReactNode][] {
  const problems: [string, ReactNode][] = [
    ["警告", report.warnings.length],
    ["読み取れなかった行", report.unparsed.length],
  ];
  if (report.kind === "implementation-plan") {
    return [
      ["基本目標", report.goals],
      ["施策", report.measures],
      ["重点取組", report.items],
      ["取組内容", report.activities],
      ["指標", report.indicators],
      ["担当課の表（課／●）", `${report.matrix.departments}／${report.matrix.cells}`],
      ...problems,
    ];
  }
  return [["政策", report.policies], ["施策", report.measures], ["指標", report.indicators], ...problems];
}

/** 取込内容の確認 for a 実施計画 or a basic plan's indicator tables. */
export function PlanDocumentPreview({ report, ...parts }: { report: PlanDocumentReport } & PreviewParts) {
  const implementation = report.kind === "implementation-plan";
  const targetTotal = TARGET_KINDS.reduce((n, [k]) => n + report.targets[k], 0);
  return (
    <section aria-labelledby="import-preview-title">
      <PreviewHeading alreadyImported={report.alreadyImported} />
      <dl className="summary-list">
        <dt>文書の種類</dt>
        <dd>{implementation ? "実施計画（重点取組の個別シート）" : "基本計画の指標の表"}</dd>
        <dt>計画名</dt>
        <dd>{report.plan.title || "（読み取れませんでした）"}</dd>
        <dt>計画期間</dt>
        <dd>{periodText(report.plan.startFiscalYear, report.plan.endFiscalYear)}</dd>
        {implementation && report.fiscalYears.length ? (
          <>
            <dt>目標の年度</dt>
            <dd>{report.fiscalYears.map((y) => fyLabel(y)).join("、")}</dd>
          </>
        ) : null}
        {!implementation && Object.keys(report.targetFiscalYears).length ? (
          <>
            <dt>目標値の年度</dt>
            <dd>
              {Object.entries(report.targetFiscalYears)
                .map(([y, n]) => `${fyLabel(Number(y))} ${n}件`)
                .join("、")}
            </dd>
          </>
        ) : null}
        <dt>文字コード</dt>
        <dd>{report.encoding}</dd>
      </dl>

      <ReadCountTable cells={readCounts(report)} />
      {report.kind === "implementation-plan" &&
      (report.relistings.initiatives || report.relistings.activities || report.relistings.unresolved) ? (
        <p className="small">
          再掲: 重点取組 {report.relistings.initiatives}件、取組内容 {report.relistings.activities}件
          {report.relistings.unresolved ? `（再掲元が見つからないもの ${report.relistings.unresolved}件）` : ""}。
          再掲は同じ項目を別の場所にも表示するもので、項目は増えません（登録する項目 {report.rows.items}件、掲載位置{" "}
          {report.rows.placements}件）。
        </p>
      ) : null}

      <CountTable caption={`目標の種類ごとの件数（全${targetTotal}件）`} items={TARGET_KINDS} counts={report.targets} />

      <h3>分類が必要な文章の目標（{report.freeTextTargets.length}種類）</h3>
      {report.freeTextTargets.length ? (
        <>
          <p>
            数値や段階として読み取れなかった目標です。取り込んだ後、達成状況は「{ATTAINMENT_LABELS.manual}
            」になります（担当課が判定します）。
          </p>
          <details>
            <summary>文章の目標を表示</summary>
            <ul className="free-text-targets">
              {report.freeTextTargets.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p>ありません。すべての目標を数値・段階・適宜として読み取りました。</p>
      )}

      <PreviewFindings
        report={report}
        labels={PLAN_WARNING_LABELS}
        intro="文書の中で食い違っている箇所です。取り込む値は文書に書かれたとおりで、原文の行も記録されます。"
        parts={parts}
      />
    </section>
  );
}
