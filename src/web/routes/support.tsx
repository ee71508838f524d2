import type { AnyRoute } from "@tanstack/react-router";
import { AccountChangesPage } from "../pages/support/AccountChangesPage";
import { AgenciesPage } from "../pages/support/AgenciesPage";
import { CaseListPage } from "../pages/support/CaseListPage";
import { ConcernsPage } from "../pages/support/ConcernsPage";
import { CaseDetailPage } from "../pages/support/case-detail/CaseDetailPage";
import { CaseOpenPage } from "../pages/support/case-open/CaseOpenPage";
import { PersonSearchPage } from "../pages/support/PersonSearchPage";
import { ReferralListPage } from "../pages/support/ReferralListPage";
import { ReferralDetailPage } from "../pages/support/referral-detail/ReferralDetailPage";
import { ReferralNewPage } from "../pages/support/referral-new/ReferralNewPage";
import { screenRoutes } from "./screenRoute";
import { caseListSearch, referralListSearch } from "./search";

/** The pages of multi-layered support (支援機関, つなぐシート, 対象者の検索, ケース), under the given root. */
export function supportRoutes<P extends AnyRoute>(parent: P) {
  const screen = screenRoutes(parent);
  const agencies = screen("/support/agencies", AgenciesPage);
  const concerns = screen("/support/concerns", ConcernsPage);
  const accountChanges = screen("/support/account-changes", AccountChangesPage);
  const referrals = screen("/support/referrals", ReferralListPage, referralListSearch);
  const referralNew = screen("/support/referrals/new", ReferralNewPage);
  const referral = screen("/support/referrals/$referralId", ReferralDetailPage);
  const referralCase = screen("/support/referrals/$referralId/case", CaseOpenPage);
  const persons = screen("/support/persons", PersonSearchPage);
  const cases = screen("/support/cases", CaseListPage, caseListSearch);
  const caseDetail = screen("/support/cases/$caseId", CaseDetailPage);
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
