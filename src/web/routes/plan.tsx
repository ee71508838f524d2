import { type AnyRoute, lazyRouteComponent } from "@tanstack/react-router";
import { screenRoutes } from "./screenRoute";
import {
  auditSearch,
  committeeSearch,
  evaluationSearch,
  indicatorSearch,
  matrixSearch,
  midYearSearch,
  planSearch,
  planYearSearch,
  revisionSearch,
  revisionViewSearch,
  summarySearch,
} from "./search";

/** The pages of the plan side (計画, 評価, 総括表, 指標, 改定) and the administration (課, 利用者, 監査ログ). */
export function planRoutes<P extends AnyRoute>(parent: P) {
  const screen = screenRoutes(parent);
  const plans = screen(
    "/plans",
    lazyRouteComponent(() => import("../pages/PlansPage"), "PlansPage"),
  );
  const planNew = screen(
    "/plans/new",
    lazyRouteComponent(() => import("../pages/plan-form/PlanFormPage"), "PlanFormPage"),
  );
  const plan = screen(
    "/plans/$planId",
    lazyRouteComponent(() => import("../pages/PlanStructurePage"), "PlanStructurePage"),
    revisionViewSearch,
  );
  const planEdit = screen(
    "/plans/$planId/edit",
    lazyRouteComponent(() => import("../pages/plan-form/PlanFormPage"), "PlanEditPage"),
  );
  const evaluations = screen(
    "/evaluations",
    lazyRouteComponent(() => import("../pages/EvaluationListPage"), "EvaluationListPage"),
    evaluationSearch,
  );
  const sheet = screen(
    "/sheets/$sheetId",
    lazyRouteComponent(() => import("../pages/sheet/SheetPage"), "SheetPage"),
  );
  const roadmap = screen(
    "/roadmaps/$roadmapId",
    lazyRouteComponent(() => import("../pages/roadmap/RoadmapPage"), "RoadmapPage"),
  );
  const summary = screen(
    "/summary",
    lazyRouteComponent(() => import("../pages/SummaryPage"), "SummaryPage"),
    summarySearch,
  );
  const yearReport = screen(
    "/evaluation-report",
    lazyRouteComponent(() => import("../pages/evaluations/YearReportPage"), "YearReportPage"),
    planYearSearch,
  );
  const midYear = screen(
    "/mid-year",
    lazyRouteComponent(() => import("../pages/mid-year/MidYearListPage"), "MidYearListPage"),
    midYearSearch,
  );
  const midYearSheet = screen(
    "/mid-year-sheets/$sheetId",
    lazyRouteComponent(() => import("../pages/mid-year/MidYearSheetPage"), "MidYearSheetPage"),
  );
  const midYearReport = screen(
    "/mid-year-report",
    lazyRouteComponent(() => import("../pages/mid-year/MidYearReportPage"), "MidYearReportPage"),
    planYearSearch,
  );
  const committees = screen(
    "/committees",
    lazyRouteComponent(() => import("../pages/committees/CommitteesPage"), "CommitteesPage"),
    committeeSearch,
  );
  const imports = screen(
    "/imports",
    lazyRouteComponent(() => import("../pages/ImportPage"), "ImportPage"),
  );
  const departments = screen(
    "/departments",
    lazyRouteComponent(() => import("../pages/DepartmentsPage"), "DepartmentsPage"),
  );
  const indicators = screen(
    "/indicators",
    lazyRouteComponent(() => import("../pages/indicators/IndicatorsPage"), "IndicatorsPage"),
    indicatorSearch,
  );
  const ladder = screen(
    "/indicators/ladder",
    lazyRouteComponent(() => import("../pages/MilestoneLadderPage"), "MilestoneLadderPage"),
    planSearch,
  );
  const attainment = screen(
    "/indicators/attainment",
    lazyRouteComponent(() => import("../pages/AttainmentPage"), "AttainmentPage"),
    planYearSearch,
  );
  const indicator = screen(
    "/indicators/$indicatorId",
    lazyRouteComponent(() => import("../pages/IndicatorTrendPage"), "IndicatorTrendPage"),
  );
  const myDepartment = screen(
    "/my-department",
    lazyRouteComponent(() => import("../pages/MyDepartmentPage"), "MyDepartmentPage"),
    planYearSearch,
  );
  const revisions = screen(
    "/revisions",
    lazyRouteComponent(() => import("../pages/revisions/RevisionsPage"), "RevisionsPage"),
    revisionSearch,
  );
  const matrix = screen(
    "/matrix",
    lazyRouteComponent(() => import("../pages/DepartmentMatrixPage"), "DepartmentMatrixPage"),
    matrixSearch,
  );
  const users = screen(
    "/users",
    lazyRouteComponent(() => import("../pages/users/UsersPage"), "UsersPage"),
  );
  const audit = screen(
    "/audit",
    lazyRouteComponent(() => import("../pages/audit-trail/AuditTrailPage"), "AuditTrailPage"),
    auditSearch,
  );
  return [
    plans,
    planNew,
    plan,
    planEdit,
    evaluations,
    sheet,
    roadmap,
    summary,
    yearReport,
    midYear,
    midYearSheet,
    midYearReport,
    committees,
    imports,
    departments,
    indicators,
    attainment,
    ladder,
    indicator,
    myDepartment,
    revisions,
    matrix,
    users,
    audit,
  ] as const;
}
