import { formatDateTime, formatEraDate } from "../../../format";
import { agencyName, OverdueBadge, UrgencyBadge } from "../../../support/components";
import { SheetSummary } from "../../../support/SheetSummary";
import type { ReferralDetail } from "../../../types";

/** 内容: what the sender noticed, the consent, who sent it where and by when. */
export function ReferralContent({ referral: r }: { referral: ReferralDetail }) {
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">内容</h2>
      <SheetSummary sheet={r} urgency={<UrgencyBadge urgency={r.urgency} />}>
        <dt>送付元</dt>
        <dd>{agencyName(r.fromAgency)}</dd>
        <dt>送付先</dt>
        <dd>{r.toLabel}</dd>
        <dt>対応期限</dt>
        <dd>
          {r.dueDate ? formatEraDate(r.dueDate) : "なし"}
          {r.overdue ? (
            <>
              {" "}
              <OverdueBadge />
            </>
          ) : null}
        </dd>
        <dt>最終更新</dt>
        <dd>{formatDateTime(r.updatedAt)}</dd>
      </SheetSummary>
    </section>
  );
}
