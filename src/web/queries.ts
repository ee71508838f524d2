import { QueryClient, useQuery } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./api";
import type {
  Department,
  HistoryEntry,
  Municipality,
  Plan,
  PlanItem,
  Round,
  Session,
  Sheet,
  SheetListRow,
  SheetStatus,
  Summary,
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

export function useDepartments() {
  return useQuery({
    queryKey: keys.departments,
    queryFn: () => api<{ departments: Department[] }>("/api/departments").then((r) => r.departments),
  });
}

export function usePlans() {
  return useQuery({
    queryKey: keys.plans,
    queryFn: () => api<{ plans: Plan[] }>("/api/plans").then((r) => r.plans),
  });
}

export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: keys.plan(planId ?? ""),
    queryFn: () => api<{ plan: Plan; items: PlanItem[] }>(`/api/plans/${encodeURIComponent(planId ?? "")}`),
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
