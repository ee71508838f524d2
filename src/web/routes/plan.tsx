import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { AttainmentPage } from "../pages/AttainmentPage";
import { AuditTrailPage } from "../pages/AuditTrailPage";
import { DepartmentMatrixPage } from "../pages/DepartmentMatrixPage";
import { DepartmentsPage } from "../pages/DepartmentsPage";
import { EvaluationListPage } from "../pages/EvaluationListPage";
import { ImportPage } from "../pages/ImportPage";
import { IndicatorTrendPage } from "../pages/IndicatorTrendPage";
import { IndicatorsPage } from "../pages/indicators/IndicatorsPage";
import { MilestoneLadderPage } from "../pages/MilestoneLadderPage";
import { MyDepartmentPage } from "../pages/MyDepartmentPage";
import { PlanStructurePage } from "../pages/PlanStructurePage";
import { PlansPage } from "../pages/PlansPage";
import { PlanEditPage, PlanFormPage } from "../pages/plan-form/PlanFormPage";
import { RevisionsPage } from "../pages/revisions/RevisionsPage";
import { SummaryPage } from "../pages/SummaryPage";
import { SheetPage } from "../pages/sheet/SheetPage";
import { UsersPage } from "../pages/users/UsersPage";
import {
  auditSearch,
  evaluationSearch,
  indicatorSearch,
  matrixSearch,
  planSearch,
  planYearSearch,
  revisionSearch,
  revisionViewSearch,
  summarySearch,
} from "./search";

/** The pages of the plan side (計画, 評価, 総括表, 指標, 改定) and the administration (課, 利用者, 監査ログ). */
export function planRoutes<P extends AnyRoute>(parent: P) {
  const plans = createRoute({ getParentRoute: () => parent, path: "/plans", component: PlansPage });
  const planNew = createRoute({ getParentRoute: () => parent, path: "/plans/new", component: () => <PlanFormPage /> });
  const plan = createRoute({
    getParentRoute: () => parent,
    path: "/plans/$planId",
    validateSearch: revisionViewSearch,
    component: PlanStructurePage,
  });
  const planEdit = createRoute({
    getParentRoute: () => parent,
    path: "/plans/$planId/edit",
    component: PlanEditPage,
  });
  const evaluations = createRoute({
    getParentRoute: () => parent,
    path: "/evaluations",
    validateSearch: evaluationSearch,
    component: EvaluationListPage,
  });
  const sheet = createRoute({ getParentRoute: () => parent, path: "/sheets/$sheetId", component: SheetPage });
  const summary = createRoute({
    getParentRoute: () => parent,
    path: "/summary",
    validateSearch: summarySearch,
    component: SummaryPage,
  });
  const imports = createRoute({ getParentRoute: () => parent, path: "/imports", component: ImportPage });
  const departments = createRoute({ getParentRoute: () => parent, path: "/departments", component: DepartmentsPage });
  const indicators = createRoute({
    getParentRoute: () => parent,
    path: "/indicators",
    validateSearch: indicatorSearch,
    component: IndicatorsPage,
  });
  const ladder = createRoute({
    getParentRoute: () => parent,
    path: "/indicators/ladder",
    validateSearch: planSearch,
    component: MilestoneLadderPage,
  });
  const attainment = createRoute({
    getParentRoute: () => parent,
    path: "/indicators/attainment",
    validateSearch: planYearSearch,
    component: AttainmentPage,
  });
  const indicator = createRoute({
    getParentRoute: () => parent,
    path: "/indicators/$indicatorId",
    component: IndicatorTrendPage,
  });
  const myDepartment = createRoute({
    getParentRoute: () => parent,
    path: "/my-department",
    validateSearch: planYearSearch,
    component: MyDepartmentPage,
  });
  const revisions = createRoute({
    getParentRoute: () => parent,
    path: "/revisions",
    validateSearch: revisionSearch,
    component: RevisionsPage,
  });
  const matrix = createRoute({
    getParentRoute: () => parent,
    path: "/matrix",
    validateSearch: matrixSearch,
    component: DepartmentMatrixPage,
  });
  const users = createRoute({ getParentRoute: () => parent, path: "/users", component: UsersPage });
  const audit = createRoute({
    getParentRoute: () => parent,
    path: "/audit",
    validateSearch: auditSearch,
    component: AuditTrailPage,
  });
  return [
    plans,
    planNew,
    plan,
    planEdit,
    evaluations,
    sheet,
    summary,
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
