import { useState } from "react";
import { REVISION_STATUS_LABELS } from "../../../domain/labels/evaluation";
import { RowAction } from "../../components/RowAction";
import { formatEraDate, fyLabel, personName } from "../../format";
import type { Revision, RevisionList } from "../../types";
import { ApproveDialog, DeleteDraftDialog } from "./RevisionDialogs";

/** "令和8年11月24日" for an ISO timestamp, as the day in Japan. */
const eraDay = (iso: string | null): string => (iso ? formatEraDate(iso) : "－");

export function RevisionTable({ planId, list, office }: { planId: string; list: RevisionList; office: boolean }) {
  const [approving, setApproving] = useState<Revision | null>(null);
  const [deleting, setDeleting] = useState<Revision | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">版の一覧</h2>
      <div aria-live="polite">{message ? <p className="notice success">{message}</p> : null}</div>
      {list.revisions.length === 0 ? (
        <p>
          まだ改定の記録はありません。
          {office
            ? "「次年度の改定を開始」を押すと、現在の内容を第1版（策定時）として記録し、第2版の改定案を作ります。"
            : ""}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">改定の版の一覧</caption>
            <thead>
              <tr>
                <th scope="col">版</th>
                <th scope="col">名称</th>
                <th scope="col">状態</th>
                <th scope="col">承認日</th>
                <th scope="col">承認者</th>
                <th scope="col">基にした版</th>
                <th scope="col">この版で行った評価</th>
                {office ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.revisions.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="nowrap">
                    第{r.number}版
                  </th>
                  <td>{r.label}</td>
                  <td className="nowrap">
                    <span className={`status revision-${r.status}`}>{REVISION_STATUS_LABELS[r.status]}</span>
                    {list.current === r.number ? <span className="small"> 現行</span> : null}
                  </td>
                  <td className="nowrap">{eraDay(r.approvedAt)}</td>
                  <td>{personName(r.approvedByName, r.approvedBy)}</td>
                  <td>{r.basedOn ? `第${r.basedOn.number}版 ${r.basedOn.label}` : "－"}</td>
                  <td>
                    {r.evaluationFiscalYears.length ? r.evaluationFiscalYears.map((y) => fyLabel(y)).join("、") : "－"}
                  </td>
                  {office ? (
                    <td>
                      {r.status === "draft" ? (
                        <div className="row-actions">
                          <RowAction of={`第${r.number}版`} onClick={() => setApproving(r)} primary>
                            この改定を承認
                          </RowAction>
                          <RowAction of={`第${r.number}版`} onClick={() => setDeleting(r)}>
                            改定案を削除
                          </RowAction>
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {approving ? (
        <ApproveDialog
          planId={planId}
          revision={approving}
          onClose={() => setApproving(null)}
          onDone={(r) => {
            setApproving(null);
            setMessage(`第${r.number}版「${r.label}」を承認しました。`);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDraftDialog
          planId={planId}
          revision={deleting}
          onClose={() => setDeleting(null)}
          onDone={(r) => {
            setDeleting(null);
            setMessage(`第${r.number}版「${r.label}」の改定案を削除しました。`);
          }}
        />
      ) : null}
    </section>
  );
}
