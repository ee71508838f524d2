import { keepPreviousData, QueryClient, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./api";
import type {
  AgencyOption,
  AttainmentShare,
  AuditFilter,
  AuditPage,
  Department,
  DepartmentMatrix,
  HistoryEntry,
  IndicatorDetail,
  IndicatorList,
  IndicatorSeries,
  MilestoneLadder,
  Municipality,
  MyDepartment,
  Plan,
  PlanDiff,
  PlanItem,
  PlanShown,
  RevisionList,
  Round,
  Session,
  Sheet,
  SheetListRow,
  SheetStatus,
  Summary,
  UnclassifiedTargets,
  UserAccount,
} from "./types";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // forms keep their own draft; a background refetch must never replace what someone is typing
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

export const keys = {
  session: ["session"] as const,
  municipalities: ["municipalities"] as const,
  departments: ["departments"] as const,
  plans: ["plans"] as const,
  plan: (planId: string) => ["plan", planId] as const,
  rounds: (planId: string) => ["rounds", planId] as const,
  sheets: (planId: string, fy: number, status: string, mine: boolean) => ["sheets", planId, fy, status, mine] as const,
  sheet: (sheetId: string) => ["sheet", sheetId] as const,
  history: (sheetId: string) => ["history", sheetId] as const,
  summary: (planId: string, params: Record<string, string>) => ["summary", planId, params] as const,
  // everything computed from indicators starts with "indicators", so one invalidation refreshes it all
  indicators: (planId: string, fy: number, departmentId: string, page: IndicatorPage) =>
    ["indicators", "list", planId, fy, departmentId, page.number, page.focus ?? "", page.draft ? "draft" : ""] as const,
  indicator: (indicatorId: string) => ["indicators", "detail", indicatorId] as const,
  series: (indicatorId: string) => ["indicators", "series", indicatorId] as const,
  attainmentShare: (planId: string, fy: number) => ["indicators", "share", planId, fy] as const,
  myDepartment: (planId: string, fy: number) => ["indicators", "mine", planId, fy] as const,
  ladder: (planId: string) => ["ladder", planId] as const,
  unclassified: (planId: string) => ["indicators", "unclassified", planId] as const,
  matrix: (planId: string, level: number | undefined) => ["matrix", planId, level ?? "default"] as const,
  revisions: (planId: string) => ["revisions", planId] as const,
  diff: (planId: string, from: string, to: string) => ["revisions", planId, "diff", from, to] as const,
};

const enc = encodeURIComponent;

/** The signed-in user, or null when not signed in. Keeps the CSRF token in memory. */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async () => {
      try {
        const s = await api<Session>("/api/auth/session");
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function isPlanOffice(session: Session | null | undefined) {
  return session?.user.role === "plan_office" || session?.user.role === "system_admin";
}

export function useMunicipalities() {
  return useQuery({
    queryKey: keys.municipalities,
    queryFn: () => api<{ municipalities: Municipality[] }>("/api/municipalities").then((r) => r.municipalities),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The municipality's departments; `enabled: false` where the account is not on the plan side (nothing is asked). */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: keys.departments,
    queryFn: () => api<{ departments: Department[] }>("/api/departments").then((r) => r.departments),
    enabled,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: keys.plans,
    queryFn: () => api<{ plans: Plan[] }>("/api/plans").then((r) => r.plans),
  });
}

/** The plan as in force, or (`draft`, the plan office) the working copy of the revision it drafts. */
export function usePlan(planId: string | undefined, opts: { draft?: boolean } = {}) {
  const draft = opts.draft ?? false;
  return useQuery({
    queryKey: draft ? ([...keys.plan(planId ?? ""), "draft"] as const) : keys.plan(planId ?? ""),
    queryFn: () =>
      api<{ plan: Plan; items: PlanItem[]; shown: PlanShown }>(
        `/api/plans/${encodeURIComponent(planId ?? "")}${draft ? "?revision=draft" : ""}`,
      ),
    enabled: Boolean(planId),
  });
}

export function useRounds(planId: string | undefined) {
  return useQuery({
    queryKey: keys.rounds(planId ?? ""),
    queryFn: () =>
      api<{ rounds: Round[] }>(`/api/plans/${encodeURIComponent(planId ?? "")}/evaluations`).then((r) => r.rounds),
    enabled: Boolean(planId),
  });
}

export function useSheets(planId: string | undefined, fiscalYear: number | undefined, status: string, mine: boolean) {
  return useQuery({
    queryKey: keys.sheets(planId ?? "", fiscalYear ?? 0, status, mine),
    queryFn: () => {
      const q = new URLSearchParams();
      if (mine) q.set("mine", "1");
      if (status) q.set("status", status as SheetStatus);
      const qs = q.toString();
      return api<{ sheets: SheetListRow[] }>(
        `/api/plans/${encodeURIComponent(planId ?? "")}/evaluations/${fiscalYear}/sheets${qs ? `?${qs}` : ""}`,
      ).then((r) => r.sheets);
    },
    enabled: Boolean(planId && fiscalYear),
  });
}

export function useSheet(sheetId: string) {
  return useQuery({
    queryKey: keys.sheet(sheetId),
    queryFn: () => api<{ sheet: Sheet }>(`/api/sheets/${encodeURIComponent(sheetId)}`).then((r) => r.sheet),
    staleTime: 0,
  });
}

export function useSheetHistory(sheetId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.history(sheetId),
    queryFn: () =>
      api<{ history: HistoryEntry[] }>(`/api/sheets/${encodeURIComponent(sheetId)}/history`).then((r) => r.history),
    enabled,
    staleTime: 0,
  });
}

export function useSummary(planId: string | undefined, params: Record<string, string>) {
  return useQuery({
    queryKey: keys.summary(planId ?? "", params),
    queryFn: () => {
      // include=rows: the per-project lines of the 総括表 (without it the server sends only the counts)
      const q = new URLSearchParams({ ...params, include: "rows" });
      return api<{ summary: Summary }>(`/api/plans/${encodeURIComponent(planId ?? "")}/summary?${q}`).then((r) => ({
        ...r.summary,
        lines: r.summary.lines ?? [],
      }));
    },
    enabled: Boolean(planId && params.fiscalYear),
    staleTime: 0,
  });
}

/** Indicators per page of the list: a 2,000-indicator plan is read a page at a time. */
export const INDICATOR_PAGE_SIZE = 100;

/** A page of the indicator list (1-based), or the page that holds the focused indicator. */
export interface IndicatorPage {
  number: number;
  focus?: string;
  /** the working copy of the revision being drafted (the plan office) instead of the year's revision */
  draft?: boolean;
}

export function indicatorListUrl(planId: string, fiscalYear: number, departmentId: string, page: IndicatorPage) {
  const q = new URLSearchParams({
    fiscalYear: String(fiscalYear),
    offset: String((Math.max(1, page.number) - 1) * INDICATOR_PAGE_SIZE),
    limit: String(INDICATOR_PAGE_SIZE),
  });
  if (departmentId) q.set("departmentId", departmentId);
  if (page.focus) q.set("focus", page.focus);
  if (page.draft) q.set("revision", "draft");
  return `/api/plans/${enc(planId)}/indicators?${q}`;
}

/** The plan's indicators of a fiscal year the caller may see (department editors: their own), one page. */
export function useIndicators(
  planId: string | undefined,
  fiscalYear: number | undefined,
  departmentId: string,
  page: IndicatorPage,
) {
  return useQuery({
    queryKey: keys.indicators(planId ?? "", fiscalYear ?? 0, departmentId, page),
    queryFn: () => api<IndicatorList>(indicatorListUrl(planId ?? "", fiscalYear ?? 0, departmentId, page)),
    enabled: Boolean(planId && fiscalYear),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(indicatorId: string) {
  return useQuery({
    queryKey: keys.indicator(indicatorId),
    queryFn: () => api<{ indicator: IndicatorDetail }>(`/api/indicators/${enc(indicatorId)}`).then((r) => r.indicator),
    staleTime: 0,
  });
}

export function useIndicatorSeries(indicatorId: string) {
  return useQuery({
    queryKey: keys.series(indicatorId),
    queryFn: () => api<IndicatorSeries>(`/api/indicators/${enc(indicatorId)}/series`),
    staleTime: 0,
  });
}

export function useMilestoneLadder(planId: string | undefined) {
  return useQuery({
    queryKey: keys.ladder(planId ?? ""),
    queryFn: () => api<MilestoneLadder>(`/api/plans/${enc(planId ?? "")}/milestone-ladder`),
    enabled: Boolean(planId),
  });
}

export function useAttainmentShare(planId: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: keys.attainmentShare(planId ?? "", fiscalYear ?? 0),
    queryFn: () => api<AttainmentShare>(`/api/plans/${enc(planId ?? "")}/attainment-share?fiscalYear=${fiscalYear}`),
    enabled: Boolean(planId && fiscalYear),
    staleTime: 0,
  });
}

export function useDepartmentMatrix(planId: string | undefined, level: number | undefined) {
  return useQuery({
    queryKey: keys.matrix(planId ?? "", level),
    queryFn: () =>
      api<DepartmentMatrix>(
        `/api/plans/${enc(planId ?? "")}/department-matrix${level !== undefined ? `?level=${level}` : ""}`,
      ),
    enabled: Boolean(planId),
  });
}

export function useMyDepartment(planId: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: keys.myDepartment(planId ?? "", fiscalYear ?? 0),
    queryFn: () => api<MyDepartment>(`/api/plans/${enc(planId ?? "")}/my-department?fiscalYear=${fiscalYear}`),
    enabled: Boolean(planId && fiscalYear),
    staleTime: 0,
  });
}

export function useRevisions(planId: string | undefined) {
  return useQuery({
    queryKey: keys.revisions(planId ?? ""),
    queryFn: () => api<RevisionList>(`/api/plans/${enc(planId ?? "")}/revisions`),
    enabled: Boolean(planId),
    staleTime: 0,
  });
}

/** from / to: a revision number or "draft" (the working copy). */
export function useDiff(planId: string | undefined, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: keys.diff(planId ?? "", from ?? "", to ?? ""),
    queryFn: () =>
      api<PlanDiff>(`/api/plans/${enc(planId ?? "")}/diff?${new URLSearchParams({ from: from ?? "", to: to ?? "" })}`),
    enabled: Boolean(planId && from && to),
    staleTime: 0,
  });
}

/** The plan office's list of targets that read as free text (達成状況 is then 要判定). */
export function useUnclassifiedTargets(planId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: keys.unclassified(planId ?? ""),
    queryFn: () => api<UnclassifiedTargets>(`/api/plans/${enc(planId ?? "")}/targets/unclassified`),
    enabled: Boolean(planId) && enabled,
  });
}

export const userKeys = {
  users: ["users"] as const,
  agencies: ["users", "agencies"] as const,
};

/** The accounts of the municipality (system administrators and the plan office). */
export function useUserAccounts() {
  return useQuery({
    queryKey: userKeys.users,
    queryFn: () => api<{ users: UserAccount[] }>("/api/users").then((r) => r.users),
    staleTime: 0,
  });
}

/** The agencies an account may belong to (names for the user screens). */
/** The agencies; `enabled: false` where the account is not on the support side (nothing is asked). */
export function useAgencyOptions(enabled = true) {
  return useQuery({
    queryKey: userKeys.agencies,
    queryFn: () => api<{ agencies: AgencyOption[] }>("/api/agencies").then((r) => r.agencies),
    enabled,
  });
}

/** The audit trail, newest first, a page at a time (each page's nextBefore asks for the older ones). */
export function useAuditEntries(filter: AuditFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["audit", filter] as const,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
      if (pageParam) q.set("before", String(pageParam));
      return api<AuditPage>(`/api/audit/entries?${q}`);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    enabled,
    staleTime: 0,
  });
}
