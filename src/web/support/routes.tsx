import { type AnyRoute, createRoute, type RouteComponent } from "@tanstack/react-router";
import { AccountChangesPage } from "../pages/support/AccountChangesPage";
import { AgenciesPage } from "../pages/support/AgenciesPage";
import { CaseListPage } from "../pages/support/CaseListPage";
import { ConcernsPage } from "../pages/support/ConcernsPage";
import { CaseDetailPage } from "../pages/support/case-detail/CaseDetailPage";
import { CaseOpenPage } from "../pages/support/case-open/CaseOpenPage";
import { PersonSearchPage } from "../pages/support/PersonSearchPage";
import { type ReferralBox, ReferralListPage } from "../pages/support/ReferralListPage";
import { ReferralDetailPage } from "../pages/support/referral-detail/ReferralDetailPage";
import { ReferralNewPage } from "../pages/support/referral-new/ReferralNewPage";

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

/** The referral list's search: a box and a status it knows, else none. */
const referralListSearch = (s: Record<string, unknown>): ReferralListSearch => ({
  box: typeof s.box === "string" && BOXES.includes(s.box) ? (s.box as ReferralBox) : undefined,
  status: typeof s.status === "string" && STATUSES.includes(s.status) ? s.status : undefined,
});

/** The case list's search: a phase it knows and a page number, else none. */
const caseListSearch = (s: Record<string, unknown>): { phase?: string; page?: number } => ({
  phase: typeof s.phase === "string" && PHASES.includes(s.phase) ? s.phase : undefined,
  page: pageNumber(s.page),
});

/** The pages of multi-layered support (支援機関, つなぐシート, 対象者の検索, ケース), under the given root. */
export function supportRoutes<P extends AnyRoute>(parent: P) {
  // a screen is its path and component; a list also reads its filters from the search
  const page = <TPath extends string>(path: TPath, component: RouteComponent) =>
    createRoute({ getParentRoute: () => parent, path, component });
  const list = <TPath extends string, TSearch>(
    path: TPath,
    validateSearch: (s: Record<string, unknown>) => TSearch,
    component: RouteComponent,
  ) => createRoute({ getParentRoute: () => parent, path, validateSearch, component });
  const agencies = page("/support/agencies", AgenciesPage);
  const concerns = page("/support/concerns", ConcernsPage);
  const accountChanges = page("/support/account-changes", AccountChangesPage);
  const referrals = list("/support/referrals", referralListSearch, ReferralListPage);
  const referralNew = page("/support/referrals/new", ReferralNewPage);
  const referral = page("/support/referrals/$referralId", ReferralDetailPage);
  const referralCase = page("/support/referrals/$referralId/case", CaseOpenPage);
  const persons = page("/support/persons", PersonSearchPage);
  const cases = list("/support/cases", caseListSearch, CaseListPage);
  const caseDetail = page("/support/cases/$caseId", CaseDetailPage);
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
