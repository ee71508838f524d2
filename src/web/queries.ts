import { QueryClient, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./api";
import type { IndicatorPage } from "./indicatorQueries";
import type {
  AgencyOption,
  AuditFilter,
  AuditPage,
  Department,
  Municipality,
  Plan,
  Session,
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
  feed: (indicatorId: string) => ["indicators", "feed", indicatorId] as const,
  sheetSuggestions: (sheetId: string) => ["indicators", "sheet-suggestions", sheetId] as const,
  attainmentShare: (planId: string, fy: number) => ["indicators", "share", planId, fy] as const,
  myDepartment: (planId: string, fy: number) => ["indicators", "mine", planId, fy] as const,
  ladder: (planId: string) => ["ladder", planId] as const,
  unclassified: (planId: string) => ["indicators", "unclassified", planId] as const,
  matrix: (planId: string, level: number | undefined) => ["matrix", planId, level ?? "default"] as const,
  revisions: (planId: string) => ["revisions", planId] as const,
  diff: (planId: string, from: string, to: string) => ["revisions", planId, "diff", from, to] as const,
};

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
