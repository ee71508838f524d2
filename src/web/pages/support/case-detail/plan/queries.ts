import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api";
import type { AgencyTaskList, PlanSection } from "../../../../types";

/** The plan section of a case and the agency's tasks: read again whenever shown (others answer and record). */
export const planKeys = {
  section: (caseId: string) => ["support", "case", caseId, "plans"] as const,
  agencyTasks: ["support", "agency-tasks"] as const,
};

export function usePlanSection(caseId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: planKeys.section(caseId),
    queryFn: () => api<PlanSection>(`/api/cases/${encodeURIComponent(caseId)}/plans`),
    staleTime: 0,
  });
}

export function useAgencyTasks() {
  return useQuery({
    queryKey: planKeys.agencyTasks,
    queryFn: () => api<AgencyTaskList>("/api/support-tasks"),
    staleTime: 0,
  });
}

/** The path of a plan write under its case. */
export const planPath = (caseId: string, rest = "") => `/api/cases/${encodeURIComponent(caseId)}/plans${rest}`;
