import { useMemo } from "react";
import { diffStatus } from "../../../domain/print-meta";
import { DIFF_TABLE_HEADERS, diffTableRows } from "../../../domain/revisions/diff-table";
import { CountTable } from "../../components/CountTable";
import { FormattedText } from "../../components/FormattedText";
import { PrintMeta } from "../../components/PrintMeta";
import type { DiffSide, DiffSummary, PlanDiff } from "../../types";

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

export function DiffView({ diff }: { diff: PlanDiff }) {
  const rows = useMemo(() => diffTableRows(diff.changes, diff.plan.levelNames), [diff]);
  const more = MORE_ITEMS.filter(([k]) => diff.summary[k] > 0);
  const items = [...SUMMARY_ITEMS, ...more];
  return (
    <>
      <p>
        {sideText(diff.from)} → {sideText(diff.to)}
      </p>
      <PrintMeta status={diffStatus([diff.from, diff.to])} />
      <CountTable caption="変更の件数" className="data diff-summary" items={items} counts={diff.summary} />
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
