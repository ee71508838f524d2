import { useMemo } from "react";
import { diffStatus } from "../../../domain/print-meta";
import { DIFF_TABLE_HEADERS, diffTableRows } from "../../../domain/revisions/diff-table";
import { FormattedText } from "../../components/FormattedText";
import { SelectField } from "../../components/FormField";
import { PrintMeta } from "../../components/PrintMeta";
import { Loading, QueryError } from "../../components/Status";
import { useDiff } from "../../queries";
import type { DiffSide, DiffSummary, PlanDiff, RevisionList } from "../../types";

const SUMMARY_ITEMS: [keyof DiffSummary, string][] = [
  ["added", "追加"],
  ["removed", "削除"],
  ["moved", "移動"],
  ["renamed", "名称変更"],
  ["changed", "変更"],
  ["targetsChanged", "目標の変更"],
];
const MORE_ITEMS: [keyof DiffSummary, string][] = [
  ["indicatorsAdded", "指標の追加"],
  ["indicatorsRemoved", "指標の削除"],
  ["indicatorsRenamed", "指標名の変更"],
  ["indicatorsChanged", "指標の変更"],
  ["planChanged", "計画の変更"],
];

function sideText(s: DiffSide) {
  if (s.status === "live") return s.number ? `作業中（第${s.number}版 ${s.label}の案）` : "作業中（現在の内容）";
  return `第${s.number}版 ${s.label}`;
}

export function DiffSection({
  planId,
  list,
  from,
  to,
  office,
  onChange,
}: {
  planId: string;
  list: RevisionList;
  from: string | undefined;
  to: string | undefined;
  /** the plan office compares its draft; everyone else approved revisions only (a draft is not theirs to see) */
  office: boolean;
  onChange: (from: string, to: string) => void;
}) {
  const approved = list.revisions.filter((r) => r.status === "approved");
  const draft = list.revisions.find((r) => r.status === "draft");
  const options = useMemo(
    () => [
      ...approved.map((r) => ({ value: String(r.number), label: `第${r.number}版 ${r.label}` })),
      ...(office
        ? [
            {
              value: "draft",
              label: draft ? `作業中（第${draft.number}版 ${draft.label}の案）` : "作業中（現在の内容）",
            },
          ]
        : []),
    ],
    [approved, draft, office],
  );
  // by default: the plan office its draft against the revision in force; others the last approval's changes
  const current = list.current;
  const previous = current !== null && current > 1 ? current - 1 : current;
  const fromValue = from ?? (current !== null ? String(office ? current : previous) : undefined);
  const toValue = to ?? (office ? "draft" : String(current ?? ""));
  const diff = useDiff(approved.length ? planId : undefined, fromValue, toValue);
  const q = fromValue ? new URLSearchParams({ from: fromValue, to: toValue }).toString() : "";

  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">差分（新旧対照）</h2>
      {approved.length === 0 ? (
        <p>承認済みの版がないため、差分はまだありません。</p>
      ) : (
        <>
          <div className="filters">
            <SelectField
              label="比較元（変更前）"
              value={fromValue ?? ""}
              onChange={(v) => onChange(v, toValue)}
              options={options}
            />
            <SelectField
              label="比較先（変更後）"
              value={toValue}
              onChange={(v) => onChange(fromValue ?? v, v)}
              options={options}
            />
          </div>
          <div className="page-actions no-print">
            <a href={`/api/plans/${encodeURIComponent(planId)}/diff.xlsx?${q}`} download className="button secondary">
              新旧対照表をExcel形式（xlsx）でダウンロード
            </a>
            <a href={`/api/plans/${encodeURIComponent(planId)}/diff.csv?${q}`} download>
              CSV（UTF-8）でダウンロード
            </a>
          </div>
          {diff.isPending && diff.fetchStatus !== "idle" ? <Loading /> : null}
          {diff.error ? <QueryError error={diff.error} /> : null}
          {diff.data ? <DiffView diff={diff.data} /> : null}
        </>
      )}
    </section>
  );
}

function DiffView({ diff }: { diff: PlanDiff }) {
  const rows = useMemo(() => diffTableRows(diff.changes, diff.plan.levelNames), [diff]);
  const more = MORE_ITEMS.filter(([k]) => diff.summary[k] > 0);
  const items = [...SUMMARY_ITEMS, ...more];
  return (
    <>
      <p>
        {sideText(diff.from)} → {sideText(diff.to)}
      </p>
      <PrintMeta status={diffStatus([diff.from, diff.to])} />
      <div className="table-wrap">
        <table className="data diff-summary">
          <caption>変更の件数</caption>
          <thead>
            <tr>
              {items.map(([k, label]) => (
                <th key={k} scope="col" className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {items.map(([k]) => (
                <td key={k} className="num">
                  {diff.summary[k]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? (
        <p>変更はありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="data diff-table">
            <caption>変更の一覧（{rows.length}件）</caption>
            <thead>
              <tr>
                {DIFF_TABLE_HEADERS.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id; the order is fixed
                <tr key={i}>
                  <td className="nowrap">{r[0]}</td>
                  <td className="nowrap">{r[1]}</td>
                  <td>{r[2]}</td>
                  <td>{r[3]}</td>
                  <td className="change-value before">
                    <FormattedText text={r[4]} empty="" />
                  </td>
                  <td className="change-value after">
                    {r[4] && r[5] ? <span className="visually-hidden">変更後: </span> : null}
                    <FormattedText text={r[5]} empty="" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
