import { useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { PRINCIPAL_LABELS, SIDE_LABELS, SIDE_OF_ROLE } from "../../domain/access/principals";
import { landingOfSession, menuOfSession, principalOfSession } from "../access";
import { api, errorMessage, setCsrfToken } from "../api";
import { keys } from "../queries";
import type { Session } from "../types";
import { NoticeBell } from "./NoticeBell";

const activeProps = { className: "active" } as const;

/** The role as the access table knows it (a coordinator's staff apart from other agencies'). */
const principalLabel = (session: Session) => {
  const principal = principalOfSession(session);
  return principal ? PRINCIPAL_LABELS[principal] : session.user.roleLabel;
};

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
        <Link to={landingOfSession(session) ?? "/"} className="brand">
          つなぐ <span className="visually-hidden">（</span>
          {SIDE_LABELS[SIDE_OF_ROLE[session.user.role]]}
          <span className="visually-hidden">）</span>
        </Link>
        <span className="municipality">{session.municipality.name}</span>
        <div className="user">
          <span>
            {session.user.displayName}
            <span className="role-label">{principalLabel(session)}</span>
          </span>
          <NoticeBell />
          <Link to="/account" className="button secondary small">
            アカウント
          </Link>
          <button type="button" className="button secondary small" onClick={logout}>
            ログアウト
          </button>
        </div>
      </header>
      <nav className="site-nav" aria-label="メインメニュー">
        <ul>
          {menuOfSession(session).map((entry) => (
            <li key={entry.path}>
              <Link to={entry.path} activeProps={activeProps}>
                {entry.label}
              </Link>
            </li>
          ))}
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
        <p>つなぐ — 地域共生社会の計画の進行管理と重層的支援</p>
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
        <span className="brand">つなぐ</span>
      </header>
      <main id="main" tabIndex={-1} className="narrow">
        {children}
      </main>
    </>
  );
}
