import { expect } from "vitest";
import { type ApiClient, ifMatch } from "./api-client.js";

export interface PlanTask {
  agencyId: string;
  role?: string;
  text?: string;
  dueOn?: string | null;
}

/** A draft plan of the case with one goal and these tasks, saved by `client` (the lead or a coordinator). */
export async function draftPlan(
  client: ApiClient,
  caseId: string,
  kind: "support" | "outreach",
  tasks: PlanTask[],
  wishes = "家で暮らし続けたい（テスト）",
) {
  const started = await client.post(`/api/cases/${caseId}/plans`, { kind });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const saved = await client.put(
    `/api/cases/${caseId}/plans/${started.body.plan.id}`,
    {
      wishes,
      goals: [
        {
          term: "short",
          text: "生活のリズムを整える（テスト）",
          tasks: tasks.map((t) => ({
            agencyId: t.agencyId,
            role: t.role ?? "見守り",
            text: t.text ?? "週に1回訪問する（テスト）",
            dueOn: t.dueOn ?? null,
          })),
        },
      ],
    },
    ifMatch(started.body.plan.version),
  );
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body.plan;
}

/** Approves a draft at a meeting (the meeting's id is any uuid until meetings exist). */
export async function approvePlan(
  client: ApiClient,
  caseId: string,
  plan: { id: string; version: number },
  approvedOn = "2025-06-10",
) {
  const res = await client.post(
    `/api/cases/${caseId}/plans/${plan.id}/approval`,
    { approvedOn, meetingId: "5d1f3b0e-8a61-4c1e-9a3e-0c2b7e4d9f10" },
    ifMatch(plan.version),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.plan;
}

/** Records the final monitoring of the case's approved plan. */
export async function finalMonitoring(client: ApiClient, caseId: string, heldOn = "2025-09-01") {
  const res = await client.post(`/api/cases/${caseId}/monitorings`, {
    heldOn,
    progress: [],
    note: "目標に届いた（テスト）",
    isFinal: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.monitoring;
}
