import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { AccountChangesPage } from "../pages/support/AccountChangesPage";
import { AgenciesPage } from "../pages/support/AgenciesPage";
import { CaseListPage } from "../pages/support/CaseListPage";
import { ConcernsPage } from "../pages/support/ConcernsPage";
import { CaseDetailPage } from "../pages/support/case-detail/CaseDetailPage";
import { CaseOpenPage } from "../pages/support/case-open/CaseOpenPage";
import { PersonSearchPage } from "../pages/support/PersonSearchPage";
import { ReferralDetailPage } from "../pages/support/ReferralDetailPage";
import { type ReferralBox, ReferralListPage } from "../pages/support/ReferralListPage";
import { ReferralNewPage } from "../pages/support/ReferralNewPage";

/** Search of the referral list: the box and the status only (never personal data). */
export interface ReferralListSearch {
  box?: ReferralBox;
  status?: string;
}
const BOXES: readonly string[] = ["received", "sent", "all"];
const PHASES: readonly string[] = ["intake", "assessment", "planning", "support", "monitoring", "closed"];
const STATUSES: readonly string[] = [
  "sent",
  "accepted",
  "in_progress",
  "completed",
  "declined",
  "forwarded",
  "overdue",
];

/** A page number of a list (1-based; absent or invalid = the first). */
const pageNumber = (v: unknown) => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
};

/** The pages of multi-layered support (支援機関, つなぐシート, 対象者の検索, ケース), under the given root. */
export function supportRoutes<P extends AnyRoute>(parent: P) {
  const agencies = createRoute({ getParentRoute: () => parent, path: "/support/agencies", component: AgenciesPage });
  const concerns = createRoute({ getParentRoute: () => parent, path: "/support/concerns", component: ConcernsPage });
  const accountChanges = createRoute({
    getParentRoute: () => parent,
    path: "/support/account-changes",
    component: AccountChangesPage,
  });
  const referrals = createRoute({
    getParentRoute: () => parent,
    path: "/support/referrals",
    validateSearch: (s: Record<string, unknown>): ReferralListSearch => ({
      box: typeof s.box === "string" && BOXES.includes(s.box) ? (s.box as ReferralBox) : undefined,
      status: typeof s.status === "string" && STATUSES.includes(s.status) ? s.status : undefined,
    }),
    component: ReferralListPage,
  });
  const referralNew = createRoute({
    getParentRoute: () => parent,
    path: "/support/referrals/new",
    component: ReferralNewPage,
  });
  const referral = createRoute({
    getParentRoute: () => parent,
    path: "/support/referrals/$referralId",
    component: ReferralDetailPage,
  });
  const referralCase = createRoute({
    getParentRoute: () => parent,
    path: "/support/referrals/$referralId/case",
    component: CaseOpenPage,
  });
  const persons = createRoute({ getParentRoute: () => parent, path: "/support/persons", component: PersonSearchPage });
  const cases = createRoute({
    getParentRoute: () => parent,
    path: "/support/cases",
    validateSearch: (s: Record<string, unknown>): { phase?: string; page?: number } => ({
      phase: typeof s.phase === "string" && PHASES.includes(s.phase) ? s.phase : undefined,
      page: pageNumber(s.page),
    }),
    component: CaseListPage,
  });
  const caseDetail = createRoute({
    getParentRoute: () => parent,
    path: "/support/cases/$caseId",
    component: CaseDetailPage,
  });
  return [
    agencies,
    concerns,
    accountChanges,
    referrals,
    referralNew,
    referral,
    referralCase,
    persons,
    cases,
    caseDetail,
  ] as const;
}
