import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import type { CaseMeetings, District, MeetingCandidates, MeetingDetail, MeetingKind, MeetingSummary } from "../types";

/** Queries of the meeting screens (支援会議 / 重層的支援会議). No person's name goes into a key or a URL. */
export const meetingKeys = {
  kinds: ["support", "meeting-kinds"] as const,
  districts: ["support", "districts"] as const,
  list: (filter: MeetingFilter) => ["support", "meetings", filter.month, filter.districtId, filter.kindId] as const,
  all: ["support", "meetings"] as const,
  detail: (id: string) => ["support", "meeting", id] as const,
  candidates: (id: string) => ["support", "meeting", id, "candidates"] as const,
  ofCase: (caseId: string) => ["support", "case", caseId, "meetings"] as const,
};

export interface MeetingFilter {
  /** YYYY-MM or "" (every month) */
  month: string;
  districtId: string;
  kindId: string;
}

const enc = encodeURIComponent;

export function useMeetingKinds() {
  return useQuery({
    queryKey: meetingKeys.kinds,
    queryFn: () => api<{ kinds: MeetingKind[] }>("/api/meeting-kinds").then((r) => r.kinds),
  });
}

export function useDistricts() {
  return useQuery({
    queryKey: meetingKeys.districts,
    queryFn: () => api<{ districts: District[] }>("/api/districts").then((r) => r.districts),
  });
}

export function useMeetings(filter: MeetingFilter) {
  const q = new URLSearchParams();
  if (filter.month) q.set("month", filter.month);
  if (filter.districtId) q.set("districtId", filter.districtId);
  if (filter.kindId) q.set("kindId", filter.kindId);
  return useQuery({
    queryKey: meetingKeys.list(filter),
    queryFn: () => api<{ meetings: MeetingSummary[] }>(`/api/meetings?${q}`).then((r) => r.meetings),
    staleTime: 0,
  });
}

/** A meeting as the caller may see it (asked again each time the page shows it: the roster may have changed). */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: () => api<{ meeting: MeetingDetail }>(`/api/meetings/${enc(id)}`).then((r) => r.meeting),
    staleTime: 0,
  });
}

export function useMeetingCandidates(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: meetingKeys.candidates(id),
    queryFn: () => api<MeetingCandidates>(`/api/meetings/${enc(id)}/candidates`).then((r) => r.candidates),
  });
}

export function useCaseMeetings(caseId: string) {
  return useQuery({
    queryKey: meetingKeys.ofCase(caseId),
    queryFn: () => api<CaseMeetings>(`/api/cases/${enc(caseId)}/meetings`),
    staleTime: 0,
  });
}
