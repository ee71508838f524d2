import { type QueryKey, useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { useSession } from "../queries";
import type {
  AccountChange,
  Agency,
  Assessment,
  AssessmentList,
  CaseDetail,
  CasePage,
  CaseRecords,
  ConcernList,
  HouseholdSummary,
  PersonSearchResult,
  ReferralDetail,
  ReferralListRow,
  SearchPersonsInput,
  SessionUser,
} from "../types";

/**
 * Queries of the multi-layered support pages. Results stay in the in-memory query cache only; no personal data
 * goes into a query key, a URL or browser storage (the search by reading is a POST, see searchPersons).
 */
export const supportKeys = {
  agencies: ["support", "agencies"] as const,
  referrals: (status: string) => ["support", "referrals", status] as const,
  referral: (id: string) => ["support", "referral", id] as const,
  concerns: ["support", "concerns"] as const,
};

const enc = encodeURIComponent;

/** The signed-in user with the agency fields, or null. */
export function useSupportUser(): SessionUser | null {
  const session = useSession();
  return session.data?.user ?? null;
}

export const actsForAgency = (u: SessionUser | null) =>
  !!u && (u.role === "support_staff" || u.role === "provider") && !!u.agencyId;
export const isAgencyStaff = (u: SessionUser | null) => !!u && u.role === "support_staff" && !!u.agencyId;
export const isCoordinator = (u: SessionUser | null) => isAgencyStaff(u) && !!u?.isCoordinator;

export function useAgencies() {
  return useQuery({
    queryKey: supportKeys.agencies,
    queryFn: () => api<{ agencies: Agency[] }>("/api/agencies").then((r) => r.agencies),
  });
}

/**
 * A read that is asked again whenever a screen shows it (not the app's 10 seconds of reuse): what the caller may see
 * of a referral or a case changes with others' work (a status, the team, the consent).
 */
function useFreshQuery<T>(queryKey: QueryKey, read: () => Promise<T>, enabled = true) {
  return useQuery({ enabled, queryKey, queryFn: read, staleTime: 0 });
}

/** The municipality's 「気になること」 categories in order (active and inactive), with the list's version. */
export function useConcerns(enabled = true) {
  return useFreshQuery(supportKeys.concerns, () => api<ConcernList>("/api/concerns"), enabled);
}

/** The labels a new referral or case may use: the active categories. */
export const activeConcernLabels = (list: ConcernList | undefined) =>
  (list?.categories ?? []).filter((c) => c.active).map((c) => c.label);

/** status: "" (all), a status, or "overdue". */
export function useReferrals(status: string, enabled = true) {
  const query = status ? `?status=${enc(status)}` : "";
  return useFreshQuery(
    supportKeys.referrals(status),
    () => api<{ referrals: ReferralListRow[] }>(`/api/referrals${query}`).then((r) => r.referrals),
    enabled,
  );
}

export function useReferral(id: string) {
  return useFreshQuery(supportKeys.referral(id), () =>
    api<{ referral: ReferralDetail }>(`/api/referrals/${enc(id)}`).then((r) => r.referral),
  );
}

/** Search by reading or name: POST, so what was typed stays out of URLs and logs. */
export function searchPersons(query: string) {
  return api<PersonSearchResult>("/api/persons/search", {
    method: "POST",
    body: { query } satisfies SearchPersonsInput,
  });
}

export const caseKeys = {
  list: (phase: string, review: string, page = 1) => ["support", "cases", phase, review, page] as const,
  detail: (id: string) => ["support", "case", id] as const,
  records: (id: string) => ["support", "case", id, "records"] as const,
  assessments: (id: string) => ["support", "case", id, "assessments"] as const,
  assessment: (id: string, version: number) => ["support", "case", id, "assessments", version] as const,
  households: (personId: string) => ["support", "households", personId] as const,
};

/** Cases per page of the case list (the server's default page). */
export const CASE_PAGE_SIZE = 50;

/** One page (1-based) of the cases the caller may see. */
export function useCases(filter: { phase: string; review: string }, enabled = true, page = 1) {
  const q = new URLSearchParams({
    offset: String((Math.max(1, page) - 1) * CASE_PAGE_SIZE),
    limit: String(CASE_PAGE_SIZE),
  });
  if (filter.phase) q.set("phase", filter.phase);
  if (filter.review) q.set("review", filter.review);
  return useFreshQuery(
    caseKeys.list(filter.phase, filter.review, page),
    () => api<CasePage>(`/api/cases?${q}`),
    enabled,
  );
}

export function useCase(id: string) {
  return useFreshQuery(caseKeys.detail(id), () =>
    api<{ case: CaseDetail }>(`/api/cases/${enc(id)}`).then((r) => r.case),
  );
}

export function useCaseRecords(id: string, enabled: boolean) {
  return useFreshQuery(caseKeys.records(id), () => api<CaseRecords>(`/api/cases/${enc(id)}/records`), enabled);
}

export function useAssessments(id: string, enabled: boolean) {
  return useFreshQuery(
    caseKeys.assessments(id),
    () => api<AssessmentList>(`/api/cases/${enc(id)}/assessments`),
    enabled,
  );
}

export function useAssessment(id: string, version: number | null) {
  return useQuery({
    enabled: version !== null,
    queryKey: caseKeys.assessment(id, version ?? 0),
    queryFn: () =>
      api<{ assessment: Assessment }>(`/api/cases/${enc(id)}/assessments/${version}`).then((r) => r.assessment),
  });
}

/** The households a person belongs to (the id in the query string, never a name). */
export function usePersonHouseholds(personId: string, enabled: boolean) {
  return useFreshQuery(
    caseKeys.households(personId),
    () =>
      api<{ households: HouseholdSummary[] }>(`/api/households?personId=${enc(personId)}`).then((r) => r.households),
    enabled,
  );
}

export function useAccountChanges() {
  return useQuery({
    queryKey: ["support", "account-changes"] as const,
    queryFn: () => api<{ changes: AccountChange[] }>("/api/account-changes").then((r) => r.changes),
  });
}
