import { AUDIT_ACTION_KIND_LABELS } from "../../../domain/labels/audit";
import { RowAction } from "../../components/RowAction";
import { formatDateTime } from "../../format";
import type { AuditEntry } from "../../types";
import { FILTERABLE } from "./AuditFilterForm";

/** The records, newest first; a row about a target the filter offers links to all records about it. */
export function AuditTable({
  rows,
  onTarget,
}: {
  rows: AuditEntry[];
  onTarget: (entityType: string, entityId: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data audit-table">
        <caption className="visually-hidden">監査ログの記録（新しい順）</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">操作した人</th>
            <th scope="col">所属機関</th>
            <th scope="col">操作</th>
            <th scope="col">対象</th>
            <th scope="col">根拠</th>
            <th scope="col">接続元（IP）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <th scope="row">
                {e.actor.displayName ?? e.actor.loginId}
                {e.actor.displayName ? <span className="small muted">（{e.actor.loginId}）</span> : null}
              </th>
              <td>
                {e.agency ? (e.agency.name ?? e.agency.id) : "－"}
                {e.agency && !e.agency.asRecorded ? <span className="small muted">（現在の所属）</span> : null}
              </td>
              <td className="nowrap">
                <span className={`status audit-${e.kind}`}>{AUDIT_ACTION_KIND_LABELS[e.kind]}</span> {e.actionLabel}
              </td>
              <td>
                {e.target.label}
                {e.target.id && FILTERABLE.has(e.target.type) ? (
                  <>
                    {" "}
                    <RowAction
                      look="link"
                      className="small no-print"
                      of={e.target.label}
                      onClick={() => onTarget(e.target.type, e.target.id as string)}
                    >
                      この対象の記録
                    </RowAction>
                  </>
                ) : null}
              </td>
              <td>{e.basisLabel ?? "－"}</td>
              <td className="nowrap">{e.ip ?? "－"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
