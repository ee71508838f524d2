/** The mid-year report's reads: its rounds, a year's sheets, one sheet, the report. Every write invalidates "mid-year". */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";
import { planUrl } from "../../planQueries";
import type { MidYearListRow, MidYearReport, MidYearRound, MidYearSheet } from "../../types";

export const midYearKeys = {
  all: ["mid-year"] as const,
  rounds: (planId: string) => ["mid-year", "rounds", planId] as const,
  sheets: (planId: string, fy: number, status: string) => ["mid-year", "sheets", planId, fy, status] as const,
  sheet: (sheetId: string) => ["mid-year", "sheet", sheetId] as const,
  report: (planId: string, fy: number) => ["mid-year", "report", planId, fy] as const,
};

export function useMidYearRounds(planId: string | undefined) {
  return useQuery({
    queryKey: midYearKeys.rounds(planId ?? ""),
    queryFn: () => api<{ rounds: MidYearRound[] }>(planUrl(planId, "/mid-year")).then((r) => r.rounds),
    enabled: Boolean(planId),
  });
}

export function useMidYearSheets(planId: string | undefined, fy: number | undefined, status: string) {
  return useQuery({
    queryKey: midYearKeys.sheets(planId ?? "", fy ?? 0, status),
    queryFn: () =>
      api<{ sheets: MidYearListRow[] }>(
        planUrl(planId, `/mid-year/${fy}/sheets${status ? `?status=${encodeURIComponent(status)}` : ""}`),
      ).then((r) => r.sheets),
    enabled: Boolean(planId && fy),
  });
}

export function useMidYearSheet(sheetId: string) {
  return useQuery({
    queryKey: midYearKeys.sheet(sheetId),
    queryFn: () => api<{ sheet: MidYearSheet }>(`/api/mid-year-sheets/${sheetId}`).then((r) => r.sheet),
  });
}

export function useMidYearReport(planId: string | undefined, fy: number | undefined) {
  return useQuery({
    queryKey: midYearKeys.report(planId ?? "", fy ?? 0),
    queryFn: () => api<{ report: MidYearReport }>(planUrl(planId, `/mid-year/${fy}/report`)).then((r) => r.report),
    enabled: Boolean(planId && fy),
    staleTime: 0,
  });
}
