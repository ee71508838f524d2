import { useQuery } from "@tanstack/react-query";
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

/** The municipality's 「気になること」 categories in order (active and inactive), with the list's version. */
export function useConcerns(enabled = true) {
  return useQuery({
    enabled,
    queryKey: supportKeys.concerns,
    queryFn: () => api<ConcernList>("/api/concerns"),
    staleTime: 0,
  });
}

/** The labels a new referral or case may use: the active categories. */
export const activeConcernLabels = (list: ConcernList | undefined) =>
  (list?.categories ?? []).filter((c) => c.active).map((c) => c.label);

/** status: "" (all), a status, or "overdue". */
export function useReferrals(status: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: supportKeys.referrals(status),
    queryFn: () =>
      api<{ referrals: ReferralListRow[] }>(`/api/referrals${status ? `?status=${enc(status)}` : ""}`).then(
        (r) => r.referrals,
      ),
    staleTime: 0,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: supportKeys.referral(id),
    queryFn: () => api<{ referral: ReferralDetail }>(`/api/referrals/${enc(id)}`).then((r) => r.referral),
    staleTime: 0,
  });
}

/** Search by reading or name: POST, so what was typed stays out of URLs and logs. */
export function searchPersons(query: string) {
  return api<PersonSearchResult>("/api/persons/search", {
    method: "POST",
    body: { query } satisfies SearchPersonsInput,
  });
}

export const caseKeys = {
  list: (phase: string, page = 1) => ["support", "cases", phase, page] as const,
  detail: (id: string) => ["support", "case", id] as const,
  records: (id: string) => ["support", "case", id, "records"] as const,
  assessments: (id: string) => ["support", "case", id, "assessments"] as const,
  assessment: (id: string, version: number) => ["support", "case", id, "assessments", version] as const,
  households: (personId: string) => ["support", "households", personId] as const,
};

/** Cases per page of the case list (the server's default page). */
export const CASE_PAGE_SIZE = 50;

/** One page (1-based) of the cases the caller may see. */
export function useCases(phase: string, enabled = true, page = 1) {
  const offset = (Math.max(1, page) - 1) * CASE_PAGE_SIZE;
  return useQuery({
    enabled,
    queryKey: caseKeys.list(phase, page),
    queryFn: () => {
      const q = new URLSearchParams({ offset: String(offset), limit: String(CASE_PAGE_SIZE) });
      if (phase) q.set("phase", phase);
      return api<CasePage>(`/api/cases?${q}`);
    },
    staleTime: 0,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => api<{ case: CaseDetail }>(`/api/cases/${enc(id)}`).then((r) => r.case),
    staleTime: 0,
  });
}

export function useCaseRecords(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: caseKeys.records(id),
    queryFn: () => api<CaseRecords>(`/api/cases/${enc(id)}/records`),
    staleTime: 0,
  });
}

export function useAssessments(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: caseKeys.assessments(id),
    queryFn: () => api<AssessmentList>(`/api/cases/${enc(id)}/assessments`),
    staleTime: 0,
  });
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
  return useQuery({
    enabled,
    queryKey: caseKeys.households(personId),
    queryFn: () =>
      api<{ households: HouseholdSummary[] }>(`/api/households?personId=${enc(personId)}`).then((r) => r.households),
    staleTime: 0,
  });
}

export function useAccountChanges() {
  return useQuery({
    queryKey: ["support", "account-changes"] as const,
    queryFn: () => api<{ changes: AccountChange[] }>("/api/account-changes").then((r) => r.changes),
  });
}
