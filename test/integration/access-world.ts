import { expect } from "vitest";
import { committeeOpinions } from "../../src/server/db/schema/index.js";
import { ApiClient, ifMatch } from "../helpers/api-client.js";
import { startCaseWorld } from "../helpers/case-world.js";
import { importRoadmap } from "../helpers/roadmap.js";
import type { TestApp } from "../helpers/test-app.js";

/** Every kind of caller the access table distinguishes, with a relationship (or none) to the world's records. */
export const CALLERS = [
  "anonymous",
  "systemAdmin",
  "planOffice",
  /** 高齢支援課: owns the item, its sheet and its indicator */
  "editor",
  /** 障害福祉課: owns none of them */
  "otherEditor",
  "viewer",
  "supportAdmin",
  "coordinator",
  /** 地域包括: receives the referral, leads the case */
  "lead",
  /** on the case's team */
  "team",
  /** another account of the team agency: a pledged member of the world's 支援会議 who has left it */
  "formerMember",
  /** 基幹: no relationship */
  "otherStaff",
  /** sent the referral, registered the persons */
  "senderProvider",
  "otherProvider",
  /** a coordinator of another municipality */
  "otherMunicipality",
] as const;
export type Caller = (typeof CALLERS)[number];

/** the address of the world's hidden-location resource: only the coordinators and the team agency see it */
export const HIDDEN_ADDRESS = "アクセス確認市伏見町1-2-3";

export interface AccessWorld {
  t: TestApp;
  as: Record<Caller, ApiClient>;
  ids: {
    planId: string;
    itemId: string;
    unrelatedItemId: string;
    departmentId: string;
    otherDepartmentId: string;
    sheetId: string;
    /** the item's progress sheet of the world's 2025 mid-year report (中間報告) */
    midYearSheetId: string;
    indicatorId: string;
    draftNumber: number;
    draftRevisionId: string;
    coordUserId: string;
    editorUserId: string;
    coordAgencyId: string;
    teamAgencyId: string;
    otherAgencyId: string;
    personId: string;
    otherPersonId: string;
    referralId: string;
    householdId: string;
    caseId: string;
    supportPlanId: string;
    taskId: string;
    /**
     * a 支援会議 convened by the coordinators with the case on its agenda: lead a pledged member, team not yet,
     * formerMember pledged and then left
     */
    meetingId: string;
    meetingKindId: string;
    districtId: string;
    leadMemberId: string;
    /** a project of the programme registry, imported by the plan office */
    programmeProjectId: string;
    /** a resource run by the team agency whose location is hidden (a shelter), kept by the coordinators */
    hiddenResourceId: string;
    /** a resource the sending provider proposed, not decided yet */
    proposedResourceId: string;
    /** the plan's 推進委員会: the viewer is a member in term */
    committeeId: string;
    /** a submitted opinion of the viewer on the world's item */
    opinionId: string;
    /** the monthly roadmap (seed 004) of the 高齢支援課 item */
    roadmapId: string;
  };
}

const ok = (res: { status: number; body: unknown }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as any;
};

/**
 * The demo municipality (plan with FY2024 accepted and FY2025 under way; agencies and providers) plus: an indicator
 * on a 高齢支援課 project, a revision being drafted (the plan published to residents from its 第1版), a referral from the provider to 地域包括, and a case of a
 * household led by 地域包括 with a second agency on its team, one assessment and a draft plan, and a 支援会議 with
 * the case on its agenda (the lead pledged, the team's staff not yet, a second account of the team agency pledged
 * and left).
 */
export async function startAccessWorld(): Promise<AccessWorld> {
  const cw = await startCaseWorld();
  const { t } = cw;
  const as: Record<Exclude<Caller, "formerMember">, ApiClient> = {
    ...cw.as,
    anonymous: new ApiClient(t.baseUrl),
    editor: await ApiClient.login(t.baseUrl, "korei"),
    otherEditor: await ApiClient.login(t.baseUrl, "shogai"),
    supportAdmin: await ApiClient.login(t.baseUrl, "shienkanri"),
  };
  const office = as.planOffice;

  const plans = ok(await office.get("/api/plans")).plans as { id: string }[];
  const planId = plans[0]?.id as string;
  const items = ok(await office.get(`/api/plans/${planId}`)).items as { id: string; title: string; level: number }[];
  const itemId = items.find((i) => i.title === "生活支援コーディネーターの配置")?.id as string;
  const unrelatedItemId = items.find((i) => i.title === "相談支援職員の研修")?.id as string;
  const departments = ok(await office.get("/api/departments")).departments as { id: string; name: string }[];
  const departmentId = departments.find((d) => d.name === "高齢支援課")?.id as string;
  const otherDepartmentId = departments.find((d) => d.name === "防災課")?.id as string;
  const sheets = ok(await office.get(`/api/plans/${planId}/evaluations/2025/sheets`)).sheets as {
    id: string;
    item: { id: string } | null;
  }[];
  const sheetId = sheets.find((s) => s.item?.id === itemId)?.id as string;
  const indicator = ok(
    await office.post(`/api/plans/${planId}/indicators`, {
      itemId,
      kind: "activity",
      name: "アクセス確認の指標",
      targets: [{ fiscalYear: 2025, source: "5圏域" }],
    }),
    201,
  ).indicator;
  // an actual to delete (with a stale version: nothing is deleted)
  ok(await office.put(`/api/indicators/${indicator.id}/actuals/2025`, { kind: "number", value: 4 }), 200);
  ok(await office.post(`/api/plans/${planId}/mid-year`, { fiscalYear: 2025 }), 201);
  const midYearSheets = ok(await office.get(`/api/plans/${planId}/mid-year/2025/sheets`)).sheets as {
    id: string;
    item: { id: string } | null;
  }[];
  const midYearSheetId = midYearSheets.find((s) => s.item?.id === itemId)?.id as string;
  const roadmapId = await importRoadmap(t, { itemId });
  const started = ok(await office.post(`/api/plans/${planId}/revisions`, { label: "アクセス確認の改定" }), 201);
  // published to residents from its approved 第1版: the public site's routes answer with it
  ok(await office.put(`/api/plans/${planId}/publication`, { sheetFields: ["results"] }), 200);

  const users = ok(await as.systemAdmin.get("/api/users")).users as { id: string; loginId: string }[];
  const userId = (login: string) => users.find((u) => u.loginId === login)?.id as string;

  const personId = await cw.person(as.senderProvider, "アクセス ホンニン");
  const otherPersonId = await cw.person(as.senderProvider, "アクセス カゾク");
  const referral = ok(
    await as.senderProvider.post("/api/referrals", {
      personId,
      toAgencyId: cw.agencyId.houkatsu,
      concerns: ["介護"],
      observed: "アクセス確認（テスト）",
      urgency: "中",
      consent: "given",
      consentDate: "2025-05-01",
      consentMethod: "口頭",
    }),
    201,
  ).referral;
  const caseReferralId = await cw.referral(personId);
  const householdId = await cw.household(personId, [otherPersonId]);
  const opened = await cw.openCase({ referralIds: [caseReferralId], householdId, mainPersonId: personId });
  ok(
    await as.lead.post(`/api/cases/${opened.id}/assessments`, { sections: { person: "アクセス確認" } }, ifMatch(0)),
    201,
  );
  // a draft plan with one task for the team agency: the plan routes' walk answers it, or refuses
  const draft = ok(await as.lead.post(`/api/cases/${opened.id}/plans`, { kind: "support" }), 201).plan;
  const plan = ok(
    await as.lead.put(
      `/api/cases/${opened.id}/plans/${draft.id}`,
      {
        wishes: "アクセス確認",
        goals: [
          {
            term: "short",
            text: "アクセス確認の目標",
            tasks: [{ agencyId: cw.agencyId.team, role: "確認", text: "アクセス確認のタスク", dueOn: null }],
          },
        ],
      },
      ifMatch(draft.version),
    ),
    200,
  ).plan;

  const kinds = ok(await as.coordinator.get("/api/meeting-kinds")).kinds as { id: string; legalBasis: string }[];
  const meetingKindId = kinds.find((k) => k.legalBasis === "art106_6")?.id as string;
  const districtId = ok(await as.supportAdmin.post("/api/districts", { name: "アクセス確認地区" }), 201).district.id;
  const meetingId = ok(
    await as.coordinator.post("/api/meetings", {
      kindId: meetingKindId,
      heldOn: "2025-06-10",
      districtId,
      secretariatAgencyId: cw.agencyId.coord,
      title: "アクセス確認の支援会議",
    }),
    201,
  ).meeting.id;
  const member = async (login: string) =>
    ok(await as.coordinator.post(`/api/meetings/${meetingId}/members`, { userId: userId(login) }), 201).meeting
      .members as { id: string; userId: string }[];
  const leadMemberId = (await member("houkatsu")).find((m) => m.userId === userId("houkatsu"))?.id as string;
  await member("team-staff");
  ok(await as.lead.post(`/api/meetings/${meetingId}/members/${leadMemberId}/pledge`, { pledgedOn: "2025-06-01" }));
  ok(await as.coordinator.post(`/api/meetings/${meetingId}/subjects`, { caseId: opened.id }), 201);
  const formerMember = await memberWhoLeft(t, as, cw.agencyId.team, meetingId, opened.id);
  const registry = "法対象事業\t\t区該当事業\t所管課\n参加支援事業\t\t1 アクセス確認の事業\t高齢支援課\n";
  ok(await office.post("/api/imports", new TextEncoder().encode(registry)), 201);
  const programmeProjectId = ok(await office.get("/api/programme")).projects[0].id as string;

  const resource = { category: "ibasho", districtId, days: ["MO"], audiences: ["anyone"] };
  const hiddenResourceId = ok(
    await as.coordinator.post("/api/resources", {
      ...resource,
      name: "アクセス確認のシェルター",
      operatorAgencyId: cw.agencyId.team,
      address: HIDDEN_ADDRESS,
      locationHidden: true,
    }),
    201,
  ).resource.id as string;
  const proposedResourceId = ok(
    await as.senderProvider.post("/api/resources", {
      ...resource,
      name: "アクセス確認の提案",
      operatorName: "確認の会",
    }),
    201,
  ).resource.id as string;

  // the 推進委員会 with the viewer as a member in term, and an opinion of it submitted on the world's item
  const committeeId = ok(
    await office.post(`/api/plans/${planId}/committees`, {
      kind: "committee",
      name: "アクセス確認の推進委員会",
      members: [{ userId: userId("iin"), termFrom: "2024-04-01" }],
    }),
    201,
  ).committee.id as string;
  // stored directly: an opinion is written only on a closed year, and closing the world's years would freeze them
  const [opinion] = await t.database.db
    .insert(committeeOpinions)
    .values({
      municipalityId: t.municipalityId,
      committeeId,
      planId,
      fiscalYear: 2024,
      itemId,
      authorId: userId("iin"),
      body: "アクセス確認の意見",
      status: "submitted",
      submittedAt: new Date(),
    })
    .returning();

  return {
    t,
    as: { ...as, formerMember },
    ids: {
      planId,
      itemId,
      unrelatedItemId,
      departmentId,
      otherDepartmentId,
      sheetId,
      midYearSheetId,
      indicatorId: indicator.id,
      draftNumber: started.revision.number,
      draftRevisionId: started.revision.id,
      coordUserId: userId("coord"),
      editorUserId: userId("korei"),
      coordAgencyId: cw.agencyId.coord,
      teamAgencyId: cw.agencyId.team,
      otherAgencyId: cw.agencyId.kodomo,
      personId,
      otherPersonId,
      referralId: referral.id,
      householdId,
      caseId: opened.id,
      supportPlanId: plan.id as string,
      taskId: plan.goals[0].tasks[0].id as string,
      meetingId,
      meetingKindId,
      districtId,
      leadMemberId,
      programmeProjectId,
      hiddenResourceId,
      proposedResourceId,
      committeeId,
      opinionId: opinion?.id as string,
      roadmapId,
    },
  };
}

/**
 * A second account of the team agency, made by the support side's administrator, put on the meeting's roster; it
 * pledges and reads the meeting's agenda (so the access it loses was there), then the coordinators take it off.
 */
async function memberWhoLeft(
  t: TestApp,
  as: Record<"supportAdmin" | "coordinator", ApiClient>,
  teamAgencyId: string,
  meetingId: string,
  caseId: string,
): Promise<ApiClient> {
  const password = "left-the-meeting-in-june";
  const account = ok(
    await as.supportAdmin.post("/api/users", {
      loginId: "former-member",
      displayName: "元構成員（テスト）",
      role: "support_staff",
      agencyId: teamAgencyId,
      password,
    }),
    201,
  ).user as { id: string };
  const client = await ApiClient.login(t.baseUrl, "former-member", password);
  const roster = ok(await as.coordinator.post(`/api/meetings/${meetingId}/members`, { userId: account.id }), 201)
    .meeting.members as { id: string; userId: string }[];
  const memberId = roster.find((m) => m.userId === account.id)?.id as string;
  ok(await client.post(`/api/meetings/${meetingId}/members/${memberId}/pledge`, { pledgedOn: "2025-06-01" }));
  const seen = ok(await client.get(`/api/meetings/${meetingId}`)).meeting;
  expect(seen.restricted).toBe(false);
  expect(seen.subjects.map((s: { caseId: string | null }) => s.caseId)).toEqual([caseId]);
  const ofCase = ok(await client.get(`/api/cases/${caseId}/meetings`)).meetings as { id: string }[];
  expect(ofCase.map((m) => m.id)).toEqual([meetingId]);
  ok(await as.coordinator.request("DELETE", `/api/meetings/${meetingId}/members/${memberId}`));
  return client;
}
