import { REFERRAL_STATUS_LABELS, type ReferralStatus } from "../../../../domain/labels/support";
import { formatDateTime } from "../../../format";
import { agencyName } from "../../../support/components";
import type { ReferralDetail } from "../../../types";

/** The sender's view: where the referral stands now, step by step. */
export function ClosedLoop({ referral }: { referral: ReferralDetail }) {
  const reached = (status: ReferralStatus) => referral.events.filter((e) => e.status === status).at(-1);
  const steps = (["sent", "accepted", "in_progress", "completed"] as const).map((status) => ({
    status,
    label: REFERRAL_STATUS_LABELS[status],
  }));
  const last = referral.events.at(-1);
  return (
    <section aria-labelledby="loop-heading" className="closed-loop">
      <h2 id="loop-heading">送ったつなぐシートの状況</h2>
      <p>
        現在の状況: <strong>{referral.statusLabel}</strong>
        {last ? `（${formatDateTime(last.at)}、${agencyName(last.agency)}）` : null}
      </p>
      <ol className="loop-steps">
        {steps.map((s) => {
          const e = reached(s.status);
          return (
            <li key={s.status} className={e ? "done" : undefined}>
              <span className="loop-label">{s.label}</span>{" "}
              {e ? (
                <span className="small">
                  済（{formatDateTime(e.at)}・{agencyName(e.agency)}）
                </span>
              ) : (
                <span className="small muted">未</span>
              )}
            </li>
          );
        })}
      </ol>
      {referral.status === "declined" ? (
        <p className="notice warning">送付先が辞退しました。理由: {last?.reason ?? "（記載なし）"}</p>
      ) : null}
      {referral.status === "forwarded" ? (
        <p className="notice">
          「{referral.toLabel}」に転送され、受付を待っています。理由: {last?.reason ?? "（記載なし）"}
        </p>
      ) : null}
      {referral.status === "completed" ? (
        <p className="notice success">支援につながりました。{last?.reason ? `内容: ${last.reason}` : null}</p>
      ) : null}
    </section>
  );
}
