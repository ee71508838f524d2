import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  Outlet,
  useLocation,
  useRouter,
} from "@tanstack/react-router";
import { useEffect } from "react";
import { landingOfSession, mayOpenPath } from "./access";
import { AppLayout, PublicLayout } from "./components/Layout";
import { Loading, NotFound, QueryError } from "./components/Status";
import { LoginPage } from "./pages/LoginPage";
import { SignInSteps } from "./pages/mfa/SignInSteps";
import { PasswordSetupPage } from "./pages/PasswordSetupPage";
import { useSession } from "./queries";
import { planRoutes } from "./routes/plan";
import { loginSearch } from "./routes/search";
import { supportRoutes } from "./routes/support";

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
  // a sign-in with a step left opens nothing else, whatever the address (the server refuses the rest): first the
  // password still to set, then the second factor to pass or to enrol
  if (session.data.pendingSteps[0] === "set_password") {
    return (
      <PublicLayout>
        <PasswordSetupPage session={session.data} />
      </PublicLayout>
    );
  }
  if (session.data.pendingSteps.length > 0) {
    return (
      <PublicLayout>
        <SignInSteps session={session.data} />
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
  validateSearch: loginSearch,
  component: LoginPage,
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  component: lazyRouteComponent(() => import("./pages/mfa/AccountPage"), "AccountPage"),
});

/** ホーム: every account's landing page (the counts of what needs it now). */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/home",
  component: lazyRouteComponent(() => import("./pages/home/HomePage"), "HomePage"),
});

/** お知らせ: every account's notices (the header's bell opens it). */
const noticesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/notices",
  component: lazyRouteComponent(() => import("./pages/notices/NoticesPage"), "NoticesPage"),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  accountRoute,
  homeRoute,
  noticesRoute,
  ...planRoutes(rootRoute),
  ...supportRoutes(rootRoute),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultErrorComponent: RouteError,
    // each screen's code is fetched when it is first opened (routes/plan.tsx, routes/support.tsx): say so meanwhile
    defaultPendingComponent: () => <Loading />,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
