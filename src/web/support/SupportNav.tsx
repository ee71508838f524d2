import { Link } from "@tanstack/react-router";
import type { Session } from "../types";

const activeProps = { className: "active" } as const;

/**
 * The support entries of the main menu: agency staff and providers get つなぐシート and 対象者の検索 (a provider: the
 * persons it registered); staff also ケース; they and the plan office see 支援機関; the plan office edits 相談の分類.
 */
export function SupportNavItems({ session }: { session: Session }) {
  const user = session.user as Session["user"] & { agencyId?: string | null };
  const agency = (user.role === "support_staff" || user.role === "provider") && !!user.agencyId;
  const office = user.role === "plan_office" || user.role === "system_admin";
  return (
    <>
      {agency ? (
        <li>
          <Link to="/support/referrals" activeProps={activeProps}>
            つなぐシート
          </Link>
        </li>
      ) : null}
      {agency && user.role === "support_staff" ? (
        <li>
          <Link to="/support/cases" activeProps={activeProps}>
            ケース
          </Link>
        </li>
      ) : null}
      {agency ? (
        <li>
          <Link to="/support/persons" activeProps={activeProps}>
            対象者の検索
          </Link>
        </li>
      ) : null}
      {agency || office ? (
        <li>
          <Link to="/support/agencies" activeProps={activeProps}>
            支援機関
          </Link>
        </li>
      ) : null}
      {office ? (
        <li>
          <Link to="/support/concerns" activeProps={activeProps}>
            相談の分類
          </Link>
        </li>
      ) : null}
    </>
  );
}
