import type { Session } from "../types";

/**
 * Where a user lands after login when no page was asked for: the 多機関協働 coordinators on the つなぐシート they
 * receive, other agency staff on their cases, registered providers on the sheets they sent, everyone else on the
 * plans.
 */
export function landingPath(user: Session["user"] | null | undefined): string {
  const u = user as (Session["user"] & { agencyId?: string | null; isCoordinator?: boolean }) | null | undefined;
  if (!u?.agencyId) return "/plans";
  if (u.role === "support_staff") return u.isCoordinator ? "/support/referrals" : "/support/cases";
  if (u.role === "provider") return "/support/referrals";
  return "/plans";
}
