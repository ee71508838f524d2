import { useMemo } from "react";
import { SelectField } from "../../components/FormField";
import { QueryStatus } from "../../components/Status";
import { planUrl, useDiff } from "../../planQueries";
import type { RevisionList } from "../../types";
import { DiffView } from "./DiffView";

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
            <a href={planUrl(planId, `/diff.xlsx?${q}`)} download className="button secondary">
              新旧対照表をExcel形式（xlsx）でダウンロード
            </a>
            <a href={planUrl(planId, `/diff.csv?${q}`)} download>
              CSV（UTF-8）でダウンロード
            </a>
          </div>
          <QueryStatus query={diff} />
          {diff.data ? <DiffView diff={diff.data} /> : null}
        </>
      )}
    </section>
  );
}
