import { Link } from "@tanstack/react-router";
import { CaseOpenLink } from "../../../support/components";
import { isAgencyStaff, isCoordinator, useSupportUser } from "../../../support/queries";
import type { ReferralDetail } from "../../../types";
import { OPENABLE_STATUSES } from "../case-open/openable";

/**
 * The case this referral became (for those who may see it), or, for a coordinator, the way to open one once the
 * referral is accepted or being handled.
 */
export function CaseLink({ referral }: { referral: ReferralDetail }) {
  const user = useSupportUser();
  const staff = isAgencyStaff(user);
  const coordinator = isCoordinator(user);
  const found = referral.case;
  if (!staff) return null;
  if (found) {
    return (
      <section aria-labelledby="case-heading">
        <h2 id="case-heading">ケース</h2>
        <p>
          このつなぐシートからケースを開始しています。 <CaseOpenLink found={found} />
        </p>
      </section>
    );
  }
  if (!coordinator) return null;
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">ケース</h2>
      {OPENABLE_STATUSES.includes(referral.status) ? (
        <p>
          <Link
            to="/support/referrals/$referralId/case"
            params={{ referralId: referral.id }}
            className="button secondary"
          >
            このつなぐシートからケースを開始
          </Link>
        </p>
      ) : referral.status === "sent" || referral.status === "forwarded" ? (
        <p className="small muted">受付すると、このつなぐシートからケースを開始できます。</p>
      ) : (
        <p className="small muted">このつなぐシートのケースはありません。</p>
      )}
    </section>
  );
}
