import { type AnyRoute, lazyRouteComponent } from "@tanstack/react-router";
import { screenRoutes } from "./screenRoute";
import { caseDetailSearch, caseListSearch, referralListSearch } from "./search";

/** The pages of multi-layered support (支援機関, 重層事業の事業一覧, つなぐシート, 対象者の検索, ケース, 支援プラン, 自機関のタスク, 会議, 統計), under the given root. */
export function supportRoutes<P extends AnyRoute>(parent: P) {
  const screen = screenRoutes(parent);
  const agencies = screen(
    "/support/agencies",
    lazyRouteComponent(() => import("../pages/support/AgenciesPage"), "AgenciesPage"),
  );
  const programme = screen(
    "/programme",
    lazyRouteComponent(() => import("../pages/programme/ProgrammePage"), "ProgrammePage"),
  );
  const concerns = screen(
    "/support/concerns",
    lazyRouteComponent(() => import("../pages/support/ConcernsPage"), "ConcernsPage"),
  );
  const accountChanges = screen(
    "/support/account-changes",
    lazyRouteComponent(() => import("../pages/support/AccountChangesPage"), "AccountChangesPage"),
  );
  const referrals = screen(
    "/support/referrals",
    lazyRouteComponent(() => import("../pages/support/ReferralListPage"), "ReferralListPage"),
    referralListSearch,
  );
  const referralNew = screen(
    "/support/referrals/new",
    lazyRouteComponent(() => import("../pages/support/referral-new/ReferralNewPage"), "ReferralNewPage"),
  );
  const referral = screen(
    "/support/referrals/$referralId",
    lazyRouteComponent(() => import("../pages/support/referral-detail/ReferralDetailPage"), "ReferralDetailPage"),
  );
  const referralCase = screen(
    "/support/referrals/$referralId/case",
    lazyRouteComponent(() => import("../pages/support/case-open/CaseOpenPage"), "CaseOpenPage"),
  );
  const persons = screen(
    "/support/persons",
    lazyRouteComponent(() => import("../pages/support/PersonSearchPage"), "PersonSearchPage"),
  );
  const cases = screen(
    "/support/cases",
    lazyRouteComponent(() => import("../pages/support/CaseListPage"), "CaseListPage"),
    caseListSearch,
  );
  const caseDetail = screen(
    "/support/cases/$caseId",
    lazyRouteComponent(() => import("../pages/support/case-detail/CaseDetailPage"), "CaseDetailPage"),
    caseDetailSearch,
  );
  const planPrint = screen(
    "/support/cases/$caseId/plans/$planId/print",
    lazyRouteComponent(() => import("../pages/support/case-detail/plan/PlanPrintPage"), "PlanPrintPage"),
  );
  const agencyTasks = screen(
    "/support/tasks",
    lazyRouteComponent(() => import("../pages/support/AgencyTasksPage"), "AgencyTasksPage"),
  );
  const resources = screen(
    "/support/resources",
    lazyRouteComponent(() => import("../pages/support/resources/ResourceListPage"), "ResourceListPage"),
  );
  const resourceNew = screen(
    "/support/resources/new",
    lazyRouteComponent(() => import("../pages/support/resources/ResourceFormPage"), "ResourceNewPage"),
  );
  const unmetNeeds = screen(
    "/support/resources/unmet-needs",
    lazyRouteComponent(() => import("../pages/support/resources/UnmetNeedsPage"), "UnmetNeedsPage"),
  );
  const followUps = screen(
    "/support/placements/follow-ups",
    lazyRouteComponent(() => import("../pages/support/placements/FollowUpsPage"), "FollowUpsPage"),
  );
  const resource = screen(
    "/support/resources/$resourceId",
    lazyRouteComponent(() => import("../pages/support/resources/ResourcePage"), "ResourcePage"),
  );
  const resourceEdit = screen(
    "/support/resources/$resourceId/edit",
    lazyRouteComponent(() => import("../pages/support/resources/ResourceFormPage"), "ResourceEditPage"),
  );
  const meetings = screen(
    "/support/meetings",
    lazyRouteComponent(() => import("../pages/support/meetings/MeetingListPage"), "MeetingListPage"),
  );
  const meetingSettings = screen(
    "/support/meeting-settings",
    lazyRouteComponent(() => import("../pages/support/meetings/MeetingSettingsPage"), "MeetingSettingsPage"),
  );
  const meeting = screen(
    "/support/meetings/$meetingId",
    lazyRouteComponent(() => import("../pages/support/meetings/MeetingPage"), "MeetingPage"),
  );
  const meetingMinutes = screen(
    "/support/meetings/$meetingId/minutes",
    lazyRouteComponent(() => import("../pages/support/meetings/MinutesPrintPage"), "MinutesPrintPage"),
  );
  const stats = screen(
    "/stats",
    lazyRouteComponent(() => import("../pages/support/stats/StatsPage"), "StatsPage"),
  );
  return [
    agencies,
    programme,
    concerns,
    accountChanges,
    referrals,
    referralNew,
    referral,
    referralCase,
    persons,
    cases,
    caseDetail,
    planPrint,
    agencyTasks,
    meetings,
    resources,
    resourceNew,
    unmetNeeds,
    followUps,
    resource,
    resourceEdit,
    meetingSettings,
    meeting,
    meetingMinutes,
    stats,
  ] as const;
}
