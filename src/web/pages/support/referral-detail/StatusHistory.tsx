import { formatDateTime } from "../../../format";
import { agencyName, ReferralStatusBadge } from "../../../support/components";
import type { ReferralDetail } from "../../../types";

/** 状態の履歴: every move of the referral, oldest first, with the agency and the reason or note. */
export function StatusHistory({ events }: { events: ReferralDetail["events"] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">状態の履歴</h2>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">状態の履歴（古い順）</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">状態</th>
              <th scope="col">機関</th>
              <th scope="col">理由・メモ</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td className="nowrap">{formatDateTime(e.at)}</td>
                <td>
                  <ReferralStatusBadge status={e.status} label={e.statusLabel} />
                </td>
                <td>
                  {agencyName(e.agency)}
                  {e.status === "forwarded" ? <span className="small muted">（転送先）</span> : null}
                </td>
                <td className="pre-wrap">{e.reason ?? <span className="muted">－</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
