import { keepPreviousData, type QueryKey, useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { planUrl } from "./planQueries";
import { keys } from "./queries";
import type {
  AttainmentShare,
  IndicatorDetail,
  IndicatorFeed,
  IndicatorList,
  IndicatorSeries,
  MilestoneLadder,
  MyDepartment,
  SheetSuggestions,
  UnclassifiedTargets,
} from "./types";

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
  return planUrl(planId, `/indicators?${q}`);
}

const indicatorUrl = (indicatorId: string, rest = "") => `/api/indicators/${encodeURIComponent(indicatorId)}${rest}`;

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
    queryFn: () => api<{ indicator: IndicatorDetail }>(indicatorUrl(indicatorId)).then((r) => r.indicator),
    staleTime: 0,
  });
}

export function useIndicatorSeries(indicatorId: string) {
  return useQuery({
    queryKey: keys.series(indicatorId),
    queryFn: () => api<IndicatorSeries>(indicatorUrl(indicatorId, "/series")),
    staleTime: 0,
  });
}

export function useMilestoneLadder(planId: string | undefined) {
  return useQuery({
    queryKey: keys.ladder(planId ?? ""),
    queryFn: () => api<MilestoneLadder>(planUrl(planId, "/milestone-ladder")),
    enabled: Boolean(planId),
  });
}

/** A plan's figures of one fiscal year, asked once both are chosen, always fresh (actuals change them). */
function usePlanYearFigures<T>(
  queryKey: QueryKey,
  planId: string | undefined,
  fiscalYear: number | undefined,
  rest: string,
) {
  return useQuery({
    queryKey,
    queryFn: () => api<T>(planUrl(planId, `${rest}?fiscalYear=${fiscalYear}`)),
    enabled: Boolean(planId && fiscalYear),
    staleTime: 0,
  });
}

export function useAttainmentShare(planId: string | undefined, fiscalYear: number | undefined) {
  const key = keys.attainmentShare(planId ?? "", fiscalYear ?? 0);
  return usePlanYearFigures<AttainmentShare>(key, planId, fiscalYear, "/attainment-share");
}

export function useMyDepartment(planId: string | undefined, fiscalYear: number | undefined) {
  const key = keys.myDepartment(planId ?? "", fiscalYear ?? 0);
  return usePlanYearFigures<MyDepartment>(key, planId, fiscalYear, "/my-department");
}

/** The plan office's list of targets that read as free text (達成状況 is then 要判定). */
export function useUnclassifiedTargets(planId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: keys.unclassified(planId ?? ""),
    queryFn: () => api<UnclassifiedTargets>(planUrl(planId, "/targets/unclassified")),
    enabled: Boolean(planId) && enabled,
  });
}

/** The indicator's link to a computed measure and its suggested actual of every year so far. */
export function useIndicatorFeed(indicatorId: string) {
  return useQuery({
    queryKey: keys.feed(indicatorId),
    queryFn: () => api<IndicatorFeed>(indicatorUrl(indicatorId, "/feed")),
    staleTime: 0,
  });
}

/** The suggested actuals of the fed indicators a sheet shows, in the sheet's year. */
export function useSheetSuggestions(sheetId: string) {
  return useQuery({
    queryKey: keys.sheetSuggestions(sheetId),
    queryFn: () => api<SheetSuggestions>(`/api/sheets/${encodeURIComponent(sheetId)}/suggested-actuals`),
    staleTime: 0,
  });
}
