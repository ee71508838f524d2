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

/** The world a plan is approved in: its coordinators convene the meeting, their agency is its secretariat. */
export interface ApprovalWorld {
  as: { coordinator: ApiClient };
  agencyId: { coord: string };
}

/**
 * A meeting that may approve the case's plan of `kind`, convened by the coordinators on `heldOn` with the case on its
 * agenda: a 支援会議 (art. 106-6) for an outreach plan; for a support plan a 重層的支援会議, after the case's
 * 支援決定 (recorded here when the case has none yet). The case's consent must cover the day for the latter.
 */
export async function approvalMeeting(
  w: ApprovalWorld,
  caseId: string,
  kind: "support" | "outreach",
  heldOn: string,
  /** agencies whose staff sit on the meeting (the lead, to find the meeting on its approval form) */
  memberAgencyIds: string[] = [],
) {
  const coordinator = w.as.coordinator;
  const kinds = (await coordinator.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
  const meetingKind = kinds.find((k) => k.legalBasis === (kind === "outreach" ? "art106_6" : "consent"));
  if (kind === "support") {
    const decided = await coordinator.post(`/api/cases/${caseId}/support-decision`, {
      decidedOn: heldOn,
      decidedBy: "福祉政策課長（テスト）",
    });
    // recorded once per case: a second approval's meeting finds it there already
    expect([201, 409], JSON.stringify(decided.body)).toContain(decided.status);
  }
  const meeting = await coordinator.post("/api/meetings", {
    kindId: meetingKind?.id,
    heldOn,
    secretariatAgencyId: w.agencyId.coord,
    title: `プランの承認（テスト ${heldOn}）`,
  });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  const meetingId = meeting.body.meeting.id as string;
  const subject = await coordinator.post(`/api/meetings/${meetingId}/subjects`, { caseId });
  expect(subject.status, JSON.stringify(subject.body)).toBe(201);
  const candidates = (await coordinator.get(`/api/meetings/${meetingId}/candidates`)).body.candidates as {
    userId: string;
    agency: { id: string };
  }[];
  for (const agencyId of memberAgencyIds) {
    const staff = candidates.find((c) => c.agency.id === agencyId);
    const added = await coordinator.post(`/api/meetings/${meetingId}/members`, { userId: staff?.userId });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  return meetingId;
}

/** Approves a draft at a meeting of the right kind convened for it (approvalMeeting), on the meeting's day. */
export async function approvePlan(
  w: ApprovalWorld,
  client: ApiClient,
  caseId: string,
  plan: { id: string; version: number; kind: "support" | "outreach" },
  approvedOn = "2025-06-10",
) {
  const meetingId = await approvalMeeting(w, caseId, plan.kind, approvedOn);
  const res = await client.post(
    `/api/cases/${caseId}/plans/${plan.id}/approval`,
    { approvedOn, meetingId },
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
