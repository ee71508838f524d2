import type { AnyRoute } from "@tanstack/react-router";
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
import { screenRoutes } from "./screenRoute";
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
  const screen = screenRoutes(parent);
  const plans = screen("/plans", PlansPage);
  const planNew = screen("/plans/new", () => <PlanFormPage />);
  const plan = screen("/plans/$planId", PlanStructurePage, revisionViewSearch);
  const planEdit = screen("/plans/$planId/edit", PlanEditPage);
  const evaluations = screen("/evaluations", EvaluationListPage, evaluationSearch);
  const sheet = screen("/sheets/$sheetId", SheetPage);
  const summary = screen("/summary", SummaryPage, summarySearch);
  const imports = screen("/imports", ImportPage);
  const departments = screen("/departments", DepartmentsPage);
  const indicators = screen("/indicators", IndicatorsPage, indicatorSearch);
  const ladder = screen("/indicators/ladder", MilestoneLadderPage, planSearch);
  const attainment = screen("/indicators/attainment", AttainmentPage, planYearSearch);
  const indicator = screen("/indicators/$indicatorId", IndicatorTrendPage);
  const myDepartment = screen("/my-department", MyDepartmentPage, planYearSearch);
  const revisions = screen("/revisions", RevisionsPage, revisionSearch);
  const matrix = screen("/matrix", DepartmentMatrixPage, matrixSearch);
  const users = screen("/users", UsersPage);
  const audit = screen("/audit", AuditTrailPage, auditSearch);
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
