import { useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { keys } from "./queries";
import type {
  DepartmentMatrix,
  HistoryEntry,
  Plan,
  PlanDiff,
  PlanItem,
  PlanShown,
  RevisionList,
  Round,
  Sheet,
  SheetListRow,
  SheetStatus,
  Summary,
} from "./types";

/** `/api/plans/:planId` and what follows it; the id is empty only while a query waits (`enabled`) for a plan. */
export function planUrl(planId: string | undefined, rest = "") {
  return `/api/plans/${encodeURIComponent(planId ?? "")}${rest}`;
}

/** The plan as in force, or (`draft`, the plan office) the working copy of the revision it drafts. */
export function usePlan(planId: string | undefined, opts: { draft?: boolean } = {}) {
  const draft = opts.draft ?? false;
  return useQuery({
    queryKey: draft ? ([...keys.plan(planId ?? ""), "draft"] as const) : keys.plan(planId ?? ""),
    queryFn: () =>
      api<{ plan: Plan; items: PlanItem[]; shown: PlanShown }>(planUrl(planId, draft ? "?revision=draft" : "")),
    enabled: Boolean(planId),
  });
}

export function useRounds(planId: string | undefined) {
  return useQuery({
    queryKey: keys.rounds(planId ?? ""),
    queryFn: () => api<{ rounds: Round[] }>(planUrl(planId, "/evaluations")).then((r) => r.rounds),
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
        planUrl(planId, `/evaluations/${fiscalYear}/sheets${qs ? `?${qs}` : ""}`),
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
      return api<{ summary: Summary }>(planUrl(planId, `/summary?${q}`)).then((r) => ({
        ...r.summary,
        lines: r.summary.lines ?? [],
      }));
    },
    enabled: Boolean(planId && params.fiscalYear),
    staleTime: 0,
  });
}

export function useDepartmentMatrix(planId: string | undefined, level: number | undefined) {
  return useQuery({
    queryKey: keys.matrix(planId ?? "", level),
    queryFn: () =>
      api<DepartmentMatrix>(planUrl(planId, `/department-matrix${level !== undefined ? `?level=${level}` : ""}`)),
    enabled: Boolean(planId),
  });
}

export function useRevisions(planId: string | undefined) {
  return useQuery({
    queryKey: keys.revisions(planId ?? ""),
    queryFn: () => api<RevisionList>(planUrl(planId, "/revisions")),
    enabled: Boolean(planId),
    staleTime: 0,
  });
}

/** from / to: a revision number or "draft" (the working copy). */
export function useDiff(planId: string | undefined, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: keys.diff(planId ?? "", from ?? "", to ?? ""),
    queryFn: () => api<PlanDiff>(planUrl(planId, `/diff?${new URLSearchParams({ from: from ?? "", to: to ?? "" })}`)),
    enabled: Boolean(planId && from && to),
    staleTime: 0,
  });
}
