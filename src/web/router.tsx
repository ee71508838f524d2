import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  useLocation,
  useRouter,
} from "@tanstack/react-router";
import { useEffect } from "react";
import { landingOfSession, mayOpenPath } from "./access";
import { AppLayout, PublicLayout } from "./components/Layout";
import { Loading, NotFound, QueryError } from "./components/Status";
import { AttainmentPage } from "./pages/AttainmentPage";
import { AuditTrailPage } from "./pages/AuditTrailPage";
import { DepartmentMatrixPage } from "./pages/DepartmentMatrixPage";
import { DepartmentsPage } from "./pages/DepartmentsPage";
import { EvaluationListPage } from "./pages/EvaluationListPage";
import { ImportPage } from "./pages/ImportPage";
import { IndicatorTrendPage } from "./pages/IndicatorTrendPage";
import { IndicatorsPage } from "./pages/indicators/IndicatorsPage";
import { LoginPage } from "./pages/LoginPage";
import { MilestoneLadderPage } from "./pages/MilestoneLadderPage";
import { MyDepartmentPage } from "./pages/MyDepartmentPage";
import { PlanStructurePage } from "./pages/PlanStructurePage";
import { PlansPage } from "./pages/PlansPage";
import { PlanFormPage } from "./pages/plan-form/PlanFormPage";
import { RevisionsPage } from "./pages/revisions/RevisionsPage";
import { SummaryPage } from "./pages/SummaryPage";
import { SheetPage } from "./pages/sheet/SheetPage";
import { UsersPage } from "./pages/users/UsersPage";
import { useSession } from "./queries";
import { supportRoutes } from "./support/routes";
import type { AuditFilter } from "./types";

/**
 * Only a path of this app may be a redirect target after login (never another site); without one (or "/") the
 * user's landing page.
 */
export function safeRedirect(target: unknown, fallback: string): string {
  return typeof target === "string" &&
    target.startsWith("/") &&
    !target.startsWith("//") &&
    !target.startsWith("/login") &&
    target !== "/"
    ? target
    : fallback;
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const int = (v: unknown) => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};
const flag = (v: unknown) => (v === true || v === "1" || v === 1 || v === "true" ? true : undefined);

/** A page that failed to render: say so in Japanese instead of a blank screen. */
function RouteError({ error }: { error: unknown }) {
  return (
    <>
      <h1>画面を表示できませんでした</h1>
      <div className="alert" role="alert">
        <p>
          表示中に問題が発生しました。画面を再読み込みしてください。続く場合は、システム管理者に次の内容を伝えてください。
        </p>
        <p className="small">{error instanceof Error ? error.message : String(error)}</p>
      </div>
    </>
  );
}

/** Goes to a path of this app given as a string (path + search), e.g. back to where the user was before login. */
function RedirectTo({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    router.history.replace(href);
  }, [router, href]);
  return (
    <PublicLayout>
      <Loading />
    </PublicLayout>
  );
}

/** Decides between the login page and the app, whatever the route. */
function Root() {
  const session = useSession();
  const location = useLocation();
  const onLogin = location.pathname === "/login";
  if (session.isPending) {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (session.error) {
    return (
      <PublicLayout>
        <h1>つなぐ</h1>
        <QueryError error={session.error} />
      </PublicLayout>
    );
  }
  if (!session.data) {
    if (!onLogin) return <Navigate to="/login" search={{ redirect: location.href }} replace />;
    return (
      <PublicLayout>
        <Outlet />
      </PublicLayout>
    );
  }
  const landing = landingOfSession(session.data) ?? "/";
  if (onLogin) {
    const target = safeRedirect((location.search as { redirect?: unknown }).redirect, landing);
    // a page asked for before login that this account may not open: its landing page instead
    return <RedirectTo href={mayOpenPath(session.data, target.split("?")[0] ?? target) ? target : landing} />;
  }
  if (location.pathname === "/" && landing !== "/") return <RedirectTo href={landing} />;
  return (
    <AppLayout session={session.data}>
      {/* deny by default: a screen the access table does not give this account is not found, as on the server */}
      {mayOpenPath(session.data, location.pathname) ? <Outlet /> : <NotFound />}
      {landing === "/" && location.pathname === "/" ? <NoScreens /> : null}
    </AppLayout>
  );
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Root,
  notFoundComponent: () => <NotFound />,
});

/** "/" goes to the user's landing page (Root decides, from the access table). */
const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: () => null });

/** An account that may open no screen (e.g. agency staff not yet assigned to an agency). */
function NoScreens() {
  return (
    <>
      <h1>利用できる画面がありません</h1>
      <p>このアカウントには、まだ利用できる画面がありません。所属機関や役割の設定を管理者にお問い合わせください。</p>
    </>
  );
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: LoginPage,
});

const plansRoute = createRoute({ getParentRoute: () => rootRoute, path: "/plans", component: PlansPage });
const planNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/new",
  component: () => <PlanFormPage />,
});
/** `revision=draft`: the working copy of the revision being drafted (the plan office). */
export interface RevisionViewSearch {
  revision?: "draft";
}
const revisionViewOf = (s: Record<string, unknown>): RevisionViewSearch => ({
  revision: s.revision === "draft" ? "draft" : undefined,
});
const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/$planId",
  validateSearch: revisionViewOf,
  component: PlanStructurePage,
});
const planEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plans/$planId/edit",
  component: function PlanEdit() {
    const { planId } = planEditRoute.useParams();
    return <PlanFormPage planId={planId} />;
  },
});

export interface EvaluationSearch {
  planId?: string;
  fy?: number;
  status?: string;
  mine?: boolean;
}
const evaluationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/evaluations",
  validateSearch: (s: Record<string, unknown>): EvaluationSearch => ({
    planId: str(s.planId),
    fy: int(s.fy),
    status: str(s.status),
    mine: flag(s.mine),
  }),
  component: EvaluationListPage,
});

const sheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sheets/$sheetId",
  component: SheetPage,
});

export interface SummarySearch {
  planId?: string;
  fy?: number;
  departmentId?: string;
  grade?: string;
  isNew?: boolean;
  isPriority?: boolean;
}
const summaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/summary",
  validateSearch: (s: Record<string, unknown>): SummarySearch => ({
    planId: str(s.planId),
    fy: int(s.fy),
    departmentId: str(s.departmentId),
    grade: str(s.grade),
    isNew: flag(s.isNew),
    isPriority: flag(s.isPriority),
  }),
  component: SummaryPage,
});

const importsRoute = createRoute({ getParentRoute: () => rootRoute, path: "/imports", component: ImportPage });
const departmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/departments",
  component: DepartmentsPage,
});

/** Plan-and-year pages of the indicators (指標, 達成状況, 自分の課). */
export interface PlanYearSearch {
  planId?: string;
  fy?: number;
}
const planYearSearch = (s: Record<string, unknown>): PlanYearSearch => ({ planId: str(s.planId), fy: int(s.fy) });

export interface IndicatorSearch extends PlanYearSearch {
  departmentId?: string;
  /** an indicator whose 目標 form opens (plan office, from the targets that cannot be classified) */
  edit?: string;
  /** the page of the list (1-based; absent = the first) */
  page?: number;
  /** "draft": the revision being drafted (the plan office) */
  revision?: "draft";
}
const indicatorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/indicators",
  validateSearch: (s: Record<string, unknown>): IndicatorSearch => ({
    ...planYearSearch(s),
    departmentId: str(s.departmentId),
    edit: str(s.edit),
    page: int(s.page),
    ...revisionViewOf(s),
  }),
  component: IndicatorsPage,
});
const ladderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/indicators/ladder",
  validateSearch: (s: Record<string, unknown>): { planId?: string } => ({ planId: str(s.planId) }),
  component: MilestoneLadderPage,
});
const attainmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/indicators/attainment",
  validateSearch: planYearSearch,
  component: AttainmentPage,
});
const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/indicators/$indicatorId",
  component: IndicatorTrendPage,
});
const myDepartmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/my-department",
  validateSearch: planYearSearch,
  component: MyDepartmentPage,
});

export interface RevisionSearch {
  planId?: string;
  /** a revision number or "draft" */
  from?: string;
  to?: string;
}
const revisionRef = (v: unknown) => {
  const s = typeof v === "number" ? String(v) : str(v);
  return s && /^(?:\d{1,6}|draft)$/.test(s) ? s : undefined;
};
const revisionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/revisions",
  validateSearch: (s: Record<string, unknown>): RevisionSearch => ({
    planId: str(s.planId),
    from: revisionRef(s.from),
    to: revisionRef(s.to),
  }),
  component: RevisionsPage,
});

export interface MatrixSearch {
  planId?: string;
  level?: number;
}
const matrixRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/matrix",
  validateSearch: (s: Record<string, unknown>): MatrixSearch => ({ planId: str(s.planId), level: int(s.level) }),
  component: DepartmentMatrixPage,
});

const usersRoute = createRoute({ getParentRoute: () => rootRoute, path: "/users", component: UsersPage });

/** The audit trail's filters: ids, dates and the kind of action (never a name). */
const AUDIT_ACTIONS = ["read", "change", "denied", "login"] as const;
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/audit",
  validateSearch: (s: Record<string, unknown>): AuditFilter => ({
    entityType: str(s.entityType),
    entityId: str(s.entityId),
    actorUserId: str(s.actorUserId),
    from: str(s.from),
    to: str(s.to),
    action: AUDIT_ACTIONS.find((a) => a === s.action),
  }),
  component: AuditTrailPage,
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  plansRoute,
  planNewRoute,
  planRoute,
  planEditRoute,
  evaluationsRoute,
  sheetRoute,
  summaryRoute,
  importsRoute,
  departmentsRoute,
  indicatorsRoute,
  attainmentRoute,
  ladderRoute,
  indicatorRoute,
  myDepartmentRoute,
  revisionsRoute,
  matrixRoute,
  usersRoute,
  auditRoute,
  ...supportRoutes(rootRoute),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultErrorComponent: RouteError,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
