/**
 * The screens of the web app and the API route each one stands on: a screen is in a caller's menu, and may be
 * opened, exactly when the access table lets the caller call that route. Menus and landing pages therefore come
 * from the same table as the server's answers.
 */
import type { Principal } from "./principals.js";
import { mayCall, type RouteKey } from "./route-table.js";

export interface Screen {
  /** the path of the screen (a prefix: its sub-pages follow the same rule) */
  path: string;
  label: string;
  /** a different menu label for some principals */
  labelFor?: Partial<Record<Principal, string>>;
  /** the route the screen cannot work without */
  needs: RouteKey;
  /** in the main menu (false: reached from another screen only) */
  menu: boolean;
}

/** In menu order. The first screen a principal may open is its landing page, unless LANDING says otherwise. */
export const SCREENS: readonly Screen[] = [
  // first: every account that acts as someone lands on what needs it now
  { path: "/home", label: "ホーム", needs: "GET /api/home", menu: true },
  // opened from the header's bell on every page, not from the menu
  { path: "/notices", label: "お知らせ", needs: "GET /api/notices", menu: false },
  { path: "/support/referrals", label: "つなぐシート", needs: "GET /api/referrals", menu: true },
  { path: "/support/referrals/new", label: "つなぐシートの登録", needs: "POST /api/referrals", menu: false },
  { path: "/support/referrals/$referralId/case", label: "ケースを開く", needs: "POST /api/cases", menu: false },
  { path: "/support/cases", label: "ケース", needs: "GET /api/cases", menu: true },
  {
    path: "/support/cases/$caseId/plans",
    label: "支援プランの印刷",
    needs: "GET /api/cases/:caseId/plans",
    menu: false,
  },
  {
    path: "/support/placements/follow-ups",
    label: "参加支援のフォローアップ",
    needs: "GET /api/placements/follow-ups",
    menu: false,
  },
  { path: "/support/tasks", label: "自機関のタスク", needs: "GET /api/support-tasks", menu: true },
  { path: "/support/meetings", label: "会議", needs: "GET /api/meetings", menu: true },
  { path: "/support/meetings/$meetingId", label: "会議", needs: "GET /api/meetings/:meetingId", menu: false },
  { path: "/support/resources", label: "地域資源", needs: "GET /api/resources", menu: true },
  { path: "/support/resources/new", label: "地域資源の登録", needs: "POST /api/resources", menu: false },
  // before the resource's page: the same depth, and the first listed wins
  {
    path: "/support/resources/unmet-needs",
    label: "見つからなかった資源",
    needs: "GET /api/unmet-needs",
    menu: false,
  },
  { path: "/support/resources/$resourceId", label: "地域資源", needs: "GET /api/resources/:resourceId", menu: false },
  {
    path: "/support/resources/$resourceId/edit",
    label: "地域資源の編集",
    needs: "PUT /api/resources/:resourceId",
    menu: false,
  },
  { path: "/support/persons", label: "対象者の検索", needs: "POST /api/persons/search", menu: true },
  { path: "/support/agencies", label: "支援機関", needs: "GET /api/agencies", menu: true },
  { path: "/support/concerns", label: "相談の分類", needs: "PUT /api/concerns", menu: true },
  { path: "/support/meeting-settings", label: "会議の設定", needs: "POST /api/districts", menu: true },
  { path: "/support/account-changes", label: "利用者の変更履歴", needs: "GET /api/account-changes", menu: true },
  { path: "/plans", label: "計画一覧", needs: "GET /api/plans", menu: true },
  { path: "/plans/new", label: "計画の作成", needs: "POST /api/plans", menu: false },
  {
    path: "/evaluations",
    label: "評価",
    labelFor: { department_editor: "評価（自分の担当）" },
    needs: "GET /api/plans/:planId/evaluations/:fiscalYear/sheets",
    menu: true,
  },
  { path: "/sheets", label: "評価表", needs: "GET /api/sheets/:sheetId", menu: false },
  // reached from an item's row on the plan's page
  { path: "/roadmaps", label: "年間ロードマップ", needs: "GET /api/roadmaps/:roadmapId", menu: false },
  { path: "/summary", label: "総括表", needs: "GET /api/plans/:planId/summary", menu: true },
  // reached from a closed year on the 評価 page
  {
    path: "/evaluation-report",
    label: "評価結果報告書",
    needs: "GET /api/plans/:planId/evaluations/:fiscalYear/report",
    menu: false,
  },
  {
    path: "/mid-year",
    label: "中間報告",
    needs: "GET /api/plans/:planId/mid-year/:fiscalYear/sheets",
    menu: true,
  },
  { path: "/mid-year-sheets", label: "中間報告の進捗シート", needs: "GET /api/mid-year-sheets/:sheetId", menu: false },
  // reached from the 中間報告 page
  {
    path: "/mid-year-report",
    label: "中間報告書",
    needs: "GET /api/plans/:planId/mid-year/:fiscalYear/report",
    menu: false,
  },
  // committee members (viewers) and the plan office: opinions on a closed year and the city's answers
  { path: "/committees", label: "委員会の意見", needs: "GET /api/plans/:planId/committees", menu: true },
  { path: "/indicators", label: "指標", needs: "GET /api/plans/:planId/indicators", menu: true },
  { path: "/my-department", label: "自分の課", needs: "GET /api/plans/:planId/my-department", menu: true },
  { path: "/revisions", label: "改定", needs: "GET /api/plans/:planId/revisions", menu: true },
  { path: "/matrix", label: "担当課一覧", needs: "GET /api/plans/:planId/department-matrix", menu: true },
  { path: "/imports", label: "取込", needs: "POST /api/imports/preview", menu: true },
  // kept by both sides (the plan office and the support side's administrator), read by the coordinators; after
  // 取込, where the plan office brings it in, and after every side's landing page
  { path: "/programme", label: "重層事業の事業一覧", needs: "GET /api/programme", menu: true },
  { path: "/departments", label: "課の管理", needs: "POST /api/departments", menu: true },
  { path: "/users", label: "利用者管理", needs: "GET /api/users", menu: true },
  { path: "/audit", label: "監査ログ", needs: "GET /api/audit/entries", menu: true },
  // both sides read the programme's counts (the plan side with small numbers suppressed): after their own work, so
  // it is nobody's landing page
  { path: "/stats", label: "重層的支援の統計", needs: "GET /api/stats", menu: true },
  // reached from the header's アカウント link
  { path: "/account", label: "アカウント", needs: "GET /api/mfa", menu: false },
];

/**
 * Where a principal lands after login when no page was asked for (else the first screen it may open: ホーム for
 * every principal, which shows each what needs it now).
 */
const LANDING: Partial<Record<Principal, string>> = {};

/** Does the screen's path (segments; `$name` matches any one segment) start the given path? */
function covers(screenPath: string, segments: string[]): boolean {
  const own = screenPath.split("/").filter(Boolean);
  return own.length <= segments.length && own.every((part, i) => part.startsWith("$") || part === segments[i]);
}

/** The most specific screen whose path starts the given one (sub-pages follow their screen's rule). */
export function screenOf(pathname: string): Screen | undefined {
  const segments = pathname.split("/").filter(Boolean);
  return SCREENS.filter((s) => covers(s.path, segments)).sort(
    (a, b) => b.path.split("/").length - a.path.split("/").length,
  )[0];
}

/** May the principal open this path? Paths of no listed screen (the login page, "/") are open to everyone. */
export function mayOpen(principal: Principal | null, pathname: string): boolean {
  const screen = screenOf(pathname);
  return !screen || mayCall(principal, principal !== null, screen.needs);
}

export function menuOf(principal: Principal | null): { path: string; label: string }[] {
  return SCREENS.filter((s) => s.menu && mayCall(principal, principal !== null, s.needs)).map((s) => ({
    path: s.path,
    label: (principal && s.labelFor?.[principal]) ?? s.label,
  }));
}

/** The landing page; null when the account may open no screen at all (e.g. an agency account without an agency). */
export function landingOf(principal: Principal | null): string | null {
  const preferred = principal ? LANDING[principal] : undefined;
  if (preferred && mayOpen(principal, preferred)) return preferred;
  return menuOf(principal)[0]?.path ?? null;
}
