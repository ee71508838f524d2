import { useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { api, errorMessage, setCsrfToken } from "../api";
import { isPlanOffice, keys } from "../queries";
import { SupportNavItems } from "../support/SupportNav";
import type { Session } from "../types";

const activeProps = { className: "active" } as const;

/** Moves focus to the page when the route changes, so screen-reader users hear the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  const path = location.pathname;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of path, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById("main");
    const h1 = main?.querySelector("h1");
    (h1 instanceof HTMLElement ? h1 : main)?.setAttribute("tabindex", "-1");
    (h1 instanceof HTMLElement ? h1 : main)?.focus({ preventScroll: false });
  }, [path]);
}

export function AppLayout({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const office = isPlanOffice(session);
  useFocusOnNavigate();

  const logout = async () => {
    try {
      await api("/api/auth/logout", { method: "POST" });
    } catch (e) {
      setLogoutError(e);
      return;
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(keys.session, null);
    await navigate({ to: "/login" });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="site-header">
        <Link to="/plans" className="brand">
          つなぐ <span className="visually-hidden">（</span>計画の評価<span className="visually-hidden">）</span>
        </Link>
        <span className="municipality">{session.municipality.name}</span>
        <div className="user">
          <span>
            {session.user.displayName}
            <span className="role-label">{session.user.roleLabel}</span>
          </span>
          <button type="button" className="button secondary small" onClick={logout}>
            ログアウト
          </button>
        </div>
      </header>
      <nav className="site-nav" aria-label="メインメニュー">
        <ul>
          <SupportNavItems session={session} />
          <li>
            <Link to="/plans" activeProps={activeProps}>
              計画一覧
            </Link>
          </li>
          <li>
            <Link to="/evaluations" activeProps={activeProps}>
              {session.user.role === "department_editor" ? "評価（自分の担当）" : "評価"}
            </Link>
          </li>
          <li>
            <Link to="/summary" activeProps={activeProps}>
              総括表
            </Link>
          </li>
          <li>
            <Link to="/indicators" activeProps={activeProps}>
              指標
            </Link>
          </li>
          {session.user.role === "department_editor" ? (
            <li>
              <Link to="/my-department" activeProps={activeProps}>
                自分の課
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/revisions" activeProps={activeProps}>
              改定
            </Link>
          </li>
          <li>
            <Link to="/matrix" activeProps={activeProps}>
              担当課一覧
            </Link>
          </li>
          {session.user.role !== "viewer" ? (
            <li>
              <Link to="/imports" activeProps={activeProps}>
                取込
              </Link>
            </li>
          ) : null}
          {office ? (
            <li>
              <Link to="/departments" activeProps={activeProps}>
                課の管理
              </Link>
            </li>
          ) : null}
          {office ? (
            <li>
              <Link to="/users" activeProps={activeProps}>
                利用者管理
              </Link>
            </li>
          ) : null}
          {office ? (
            <li>
              <Link to="/audit" activeProps={activeProps}>
                監査ログ
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {logoutError ? (
          <div className="alert" role="alert">
            <p>ログアウトできませんでした: {errorMessage(logoutError)}</p>
          </div>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>つなぐ — 地域福祉計画の進行管理</p>
      </footer>
    </>
  );
}

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="site-header">
        <span className="brand">つなぐ 計画の評価</span>
      </header>
      <main id="main" tabIndex={-1} className="narrow">
        {children}
      </main>
    </>
  );
}
