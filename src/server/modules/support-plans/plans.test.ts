import { describe, expect, it } from "vitest";
import { ifMatch } from "../../../../test/helpers/api-client.js";
import { auditRecords } from "../../../../test/helpers/audit-records.js";
import { startReferredHouseholdWorld } from "../../../../test/helpers/case-world.js";
import { worldForFile } from "../../../../test/helpers/fixtures.js";
import { approvalMeeting, approvePlan, draftPlan, finalMonitoring } from "../../../../test/helpers/support-plans.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { generateReviewNotices } from "../notices/review-notices.js";

// A case's plans from the first draft to the closure: versions, the agencies' answers, phases, monitoring, closure.
const w = worldForFile(startReferredHouseholdWorld);

const PAST = "2025-01-15";
const FUTURE = "2099-12-31";

let caseId: string;
const caseVersion = async () => (await w.as.coordinator.get(`/api/cases/${caseId}`)).body.case.version as number;
const section = async (client = w.as.lead) => {
  const res = await client.get(`/api/cases/${caseId}/plans`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const noticesOf = async (client: typeof w.as.lead, kind: string) =>
  ((await client.get("/api/notices?limit=100")).body.notices as { kind: string; text: string; link: string }[]).filter(
    (n) => n.kind === kind,
  );
const move = async (to: string) => w.as.lead.post(`/api/cases/${caseId}/phase`, { to }, ifMatch(await caseVersion()));

describe("support plans", () => {
  it("keeps one draft per case, edited at its version, with tasks only for the case's team", async () => {
    caseId = (await w.openCase({ referralIds: [w.referralId], householdId: w.householdId, mainPersonId: w.mainId })).id;
    const empty = await section();
    expect(empty).toMatchObject({ plans: [], monitorings: [], closure: null, outreach: false, canManage: true });
    expect(empty.consentDate).toBe("2025-05-01");

    const started = await w.as.lead.post(`/api/cases/${caseId}/plans`, { kind: "support" });
    expect(started.status).toBe(201);
    expect(started.body.plan).toMatchObject({ number: 1, status: "draft", statusLabel: "作成中", goals: [] });
    const second = await w.as.coordinator.post(`/api/cases/${caseId}/plans`, { kind: "support" });
    expect(second.status).toBe(409);

    const url = `/api/cases/${caseId}/plans/${started.body.plan.id}`;
    const body = {
      wishes: "母と一緒に家で暮らしたい",
      goals: [
        {
          term: "long",
          text: "母の介護と自分の生活を両立する",
          tasks: [
            { agencyId: w.agencyId.houkatsu, role: "主担当（調整）", text: "介護サービスを調整する", dueOn: PAST },
          ],
        },
        {
          term: "short",
          text: "通院を再開する",
          tasks: [
            { agencyId: w.agencyId.team, role: "同行支援", text: "受診に同行する", dueOn: FUTURE },
            { agencyId: w.agencyId.team, role: "家計相談", text: "家計の見直しを手伝う", dueOn: PAST },
          ],
        },
      ],
    };
    expect((await w.as.lead.put(url, body)).status).toBe(428);
    expect((await w.as.lead.put(url, body, ifMatch(started.body.plan.version + 1))).status).toBe(412);
    const outsider = structuredClone(body);
    (outsider.goals[0]?.tasks[0] as { agencyId: string }).agencyId = w.agencyId.kikan;
    const refused = await w.as.lead.put(url, outsider, ifMatch(started.body.plan.version));
    expect(refused.body.fields).toEqual([
      { field: "goals.0.tasks.0.agencyId", message: "担当機関はケースのチームの機関から選んでください" },
    ]);
    const saved = await w.as.lead.put(url, body, ifMatch(started.body.plan.version));
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe(`"${started.body.plan.version + 1}"`);
    const plan = saved.body.plan;
    expect(plan.wishes).toBe("母と一緒に家で暮らしたい");
    expect(plan.goals.map((g: { termLabel: string; text: string }) => `${g.termLabel}:${g.text}`)).toEqual([
      "長期目標:母の介護と自分の生活を両立する",
      "短期目標:通院を再開する",
    ]);
    expect(plan.goals[1].tasks.map((t: { agency: { id: string }; role: string }) => [t.agency.id, t.role])).toEqual([
      [w.agencyId.team, "同行支援"],
      [w.agencyId.team, "家計相談"],
    ]);
    // the team agency reads the plan on the person's consent, but does not write it
    const asTeam = await section(w.as.team);
    expect(asTeam.canManage).toBe(false);
    expect(asTeam.plans[0].goals[1].tasks.every((t: { mine: boolean }) => t.mine)).toBe(true);
    expect((await w.as.team.put(url, body, ifMatch(plan.version))).status).toBe(403);
  });

  it("lets each agency accept or decline its own tasks, with a reason to decline", async () => {
    const plan = (await section()).plans[0];
    const [visit, budget] = plan.goals[1].tasks as { id: string }[];
    const respond = (client = w.as.team, taskId = visit?.id, body: object = { response: "accepted" }) =>
      client.post(`/api/cases/${caseId}/plans/${plan.id}/tasks/${taskId}/response`, body);
    expect((await respond(w.as.lead)).status).toBe(403);
    expect((await respond(w.as.coordinator)).status).toBe(403);
    const accepted = await respond();
    expect(accepted.status).toBe(200);
    expect(accepted.body.task).toMatchObject({ response: "accepted", responseLabel: "引受け", reason: null });
    const noReason = await respond(w.as.team, budget?.id, { response: "declined" });
    expect(noReason.body.fields).toEqual([{ field: "reason", message: "辞退の理由を入力してください" }]);
    const declined = await respond(w.as.team, budget?.id, { response: "declined", reason: "家計相談の窓口がない" });
    expect(declined.body.task).toMatchObject({ response: "declined", reason: "家計相談の窓口がない" });
    // an agency that is not on the team does not find the case
    expect((await respond(w.as.otherStaff)).status).toBe(404);
  });

  it("moves to 支援 only with an approved support plan, approved at a meeting and then frozen", async () => {
    await move("assessment");
    await move("planning");
    const early = await move("support");
    expect(early.body.fields).toEqual([
      { field: "to", message: "「支援」に進めるには、承認された支援プランが必要です" },
    ]);
    const plan = (await section()).plans[0];
    const url = `/api/cases/${caseId}/plans/${plan.id}/approval`;
    const noMeeting = await w.as.lead.post(url, { approvedOn: "2025-06-10" }, ifMatch(plan.version));
    expect(noMeeting.body.fields.map((f: { field: string }) => f.field)).toEqual(["meetingId"]);
    // the approving meeting: of this municipality, of the kind for the plan, held by then, with the case on its agenda
    const refused = async (meetingId: string, approvedOn = "2025-06-10") =>
      (await w.as.lead.post(url, { approvedOn, meetingId }, ifMatch(plan.version))).body.fields;
    expect(await refused("5d1f3b0e-8a61-4c1e-9a3e-0c2b7e4d9f10")).toEqual([
      { field: "meetingId", message: "承認した会議が見つかりません" },
    ]);
    const artMeeting = await approvalMeeting(w, caseId, "outreach", "2025-06-01");
    expect(await refused(artMeeting)).toEqual([
      { field: "meetingId", message: "支援プランは重層的支援会議で承認してください" },
    ]);
    const later = await approvalMeeting(w, caseId, "support", "2025-06-20");
    expect(await refused(later)).toEqual([{ field: "meetingId", message: "承認日は会議の開催日以降にしてください" }]);
    const kinds = (await w.as.coordinator.get("/api/meeting-kinds")).body.kinds as { id: string; legalBasis: string }[];
    const empty = await w.as.coordinator.post("/api/meetings", {
      kindId: kinds.find((k) => k.legalBasis === "consent")?.id,
      heldOn: "2025-06-05",
      secretariatAgencyId: w.agencyId.coord,
      title: "議題なし（テスト）",
    });
    expect((await refused(empty.body.meeting.id))[0].message).toMatch(/^この会議の議題にこのケースがありません/);
    expect((await section()).plans[0]).toMatchObject({ status: "draft", approvedMeetingId: null });
    const approved = await approvePlan(w, w.as.lead, caseId, plan);
    expect(approved).toMatchObject({ status: "approved", approvedOn: "2025-06-10" });
    // each task's agency is told, once per task, naming the case by number only; agencies without a task are not
    const taskCount = (agencyId: string) =>
      approved.goals
        .flatMap((g: { tasks: { agency: { id: string } }[] }) => g.tasks)
        .filter((t: { agency: { id: string } }) => t.agency.id === agencyId).length;
    const reference = `タスクが割り当てられました（ケース #${caseId.slice(0, 8)}）`;
    const leadTasks = await noticesOf(w.as.lead, "task_assigned");
    expect(leadTasks.map((n) => [n.text, n.link])).toEqual(
      Array(taskCount(w.agencyId.houkatsu)).fill([reference, `/support/cases/${caseId}`]),
    );
    expect((await noticesOf(w.as.team, "task_assigned")).length).toBe(taskCount(w.agencyId.team));
    expect(taskCount(w.agencyId.team)).toBeGreaterThan(0);
    for (const other of [w.as.otherStaff, w.as.coordinator, w.as.senderProvider])
      expect(await noticesOf(other, "task_assigned")).toEqual([]);
    expect(approved.approvedMeetingId).toBeTruthy();
    expect((await move("support")).status).toBe(200);

    const frozen = await w.as.lead.put(
      `/api/cases/${caseId}/plans/${plan.id}`,
      { wishes: "変えたい", goals: [] },
      ifMatch(approved.version),
    );
    expect(frozen.status).toBe(409);
    expect(
      (await w.as.lead.post(url, { approvedOn: "2025-06-11", meetingId: plan.id }, ifMatch(approved.version))).status,
    ).toBe(409);
  });

  it("starts a new version as a copy of the approved one and supersedes it on approval", async () => {
    const before = (await section()).plans[0];
    const next = await w.as.coordinator.post(`/api/cases/${caseId}/plans`, { kind: "support" });
    expect(next.status).toBe(201);
    const draft = next.body.plan;
    expect(draft).toMatchObject({ number: 2, status: "draft", wishes: before.wishes });
    const tasksOf = (p: { goals: { tasks: { text: string; response: string }[] }[] }) =>
      p.goals.flatMap((g) => g.tasks.map((t) => `${t.text}:${t.response}`));
    expect(tasksOf(draft)).toEqual(tasksOf(before));

    // the visit is kept as it was (its answer stays); the budget task is asked of the lead instead (answer again)
    const goals = draft.goals.map((g: { term: string; text: string; tasks: Record<string, unknown>[] }) => ({
      term: g.term,
      text: g.text,
      tasks: g.tasks.map((t) => ({
        id: t.id,
        agencyId: t.text === "家計の見直しを手伝う" ? w.agencyId.houkatsu : (t.agency as { id: string }).id,
        role: t.role,
        text: t.text,
        dueOn: t.dueOn,
      })),
    }));
    const saved = await w.as.coordinator.put(
      `/api/cases/${caseId}/plans/${draft.id}`,
      { wishes: "母と家で暮らし、外にも出たい", goals },
      ifMatch(draft.version),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(tasksOf(saved.body.plan)).toEqual([
      "介護サービスを調整する:pending",
      "受診に同行する:accepted",
      "家計の見直しを手伝う:pending",
    ]);
    await approvePlan(w, w.as.coordinator, caseId, saved.body.plan, "2025-07-01");
    const plans = (await section()).plans;
    expect(plans.map((p: { number: number; status: string }) => `${p.number}:${p.status}`)).toEqual([
      "2:approved",
      "1:superseded",
    ]);
    // the superseded version is kept as approved
    expect(plans[1]).toMatchObject({ wishes: before.wishes, approvedOn: "2025-06-10" });
    expect(tasksOf(plans[1])).toEqual(tasksOf(before));
  });

  it("flags overdue tasks and reviews against today in Japan", async () => {
    const current = (await section()).plans[0];
    const tasks = current.goals.flatMap((g: { tasks: unknown[] }) => g.tasks) as {
      id: string;
      text: string;
      overdue: boolean;
      agency: { id: string };
    }[];
    expect(tasks.map((t) => `${t.text}:${t.overdue}`)).toEqual([
      "介護サービスを調整する:true",
      "受診に同行する:false",
      "家計の見直しを手伝う:true",
    ]);
    expect(current.overdueTasks).toBe(2);
    const care = tasks[0] as { id: string };
    const done = await w.as.lead.post(`/api/cases/${caseId}/plans/${current.id}/tasks/${care.id}/done`, {
      doneOn: "2025-07-10",
    });
    expect(done.body.task).toMatchObject({ doneOn: "2025-07-10", overdue: false });

    const goalId = current.goals[1].id;
    const url = `/api/cases/${caseId}/monitorings`;
    const wrongGoal = await w.as.lead.post(url, {
      heldOn: "2025-08-01",
      progress: [{ goalId: caseId, progress: "x" }],
    });
    expect(wrongGoal.body.fields).toEqual([
      { field: "progress.0.goalId", message: "承認されたプランの目標を指定してください" },
    ]);
    expect((await w.as.team.post(url, { heldOn: "2025-08-01", progress: [] })).status).toBe(403);
    const first = await w.as.lead.post(url, {
      heldOn: "2025-08-01",
      progress: [{ goalId, progress: "月1回の通院ができている" }],
      nextReviewOn: "2025-09-01",
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(await section()).toMatchObject({ nextReviewOn: "2025-09-01", reviewOverdue: true });
    // the daily scan: a week before the review day the lead agency is reminded, after it told it has passed;
    // a second run writes nothing, and the team agency (not holding the review) hears nothing
    const scan = (at: string) => generateReviewNotices(w.t.database.db, w.t.municipalityId, new Date(at));
    expect(await scan("2025-08-24T12:00:00+09:00")).toEqual([]);
    expect((await scan("2025-08-25T00:00:00+09:00")).length).toBeGreaterThan(0);
    expect(await scan("2025-08-25T18:00:00+09:00")).toEqual([]);
    await scan("2025-09-02T00:00:00+09:00");
    const reviewText = `支援計画の見直し時期です（ケース #${caseId.slice(0, 8)} 見直し日 令和7年9月1日）`;
    expect((await noticesOf(w.as.lead, "review_due")).map((n) => n.text)).toEqual([reviewText, reviewText]);
    expect(await noticesOf(w.as.team, "review_due")).toEqual([]);
    expect(await noticesOf(w.as.otherStaff, "review_due")).toEqual([]);
    await w.as.lead.post(url, { heldOn: "2025-09-02", progress: [], nextReviewOn: FUTURE });
    expect(await section()).toMatchObject({ nextReviewOn: FUTURE, reviewOverdue: false });
  });

  it("lists an agency's open tasks across the cases it may see, and only those", async () => {
    const mine = async () => (await w.as.team.get("/api/support-tasks")).body.tasks as Record<string, unknown>[];
    // the declined budget task moved to the lead; the visit (accepted) is the team's open task
    expect((await mine()).map((t) => [t.caseId, t.text, t.overdue, t.responseLabel])).toEqual([
      [caseId, "受診に同行する", false, "引受け"],
    ]);
    const lead = (await w.as.lead.get("/api/support-tasks")).body.tasks as { text: string; overdue: boolean }[];
    expect(lead.map((t) => `${t.text}:${t.overdue}`)).toEqual(["家計の見直しを手伝う:true"]);
    expect((await w.as.otherStaff.get("/api/support-tasks")).body.tasks).toEqual([]);
    const reads = await auditRecords(w.t.database.db, { entityType: "support_tasks", entityId: caseId });
    expect(reads.map((r) => r.actorLabel)).toEqual(["team-staff", "houkatsu"]);
    // each task names whose it is, and that read is audited with the basis the task was shown on
    const [task] = await mine();
    expect(task?.person).toMatchObject({ id: w.mainId });
    const personReads = await auditRecords(w.t.database.db, {
      action: "read",
      entityType: "person",
      entityId: w.mainId,
      actorLabel: "team-staff",
    });
    expect(personReads.map((r) => r.basis)).toContain(reads[0]?.basis);
  });

  it("closes through the closure record only after a final monitoring", async () => {
    const closure = { closedOn: "2025-10-31", reason: "goals_met", evaluation: "通院が定着し、母の介護も落ち着いた" };
    const url = `/api/cases/${caseId}/closure`;
    const early = await w.as.lead.post(url, closure, ifMatch(await caseVersion()));
    expect(early.body.fields).toEqual([
      { field: "(body)", message: "終結の前に、最終のモニタリングを記録してください" },
    ]);
    const other = await w.as.lead.post(url, { ...closure, reason: "other" }, ifMatch(await caseVersion()));
    expect(other.body.fields).toEqual([{ field: "reasonNote", message: "「その他」の理由を入力してください" }]);
    expect((await w.as.team.post(url, closure, ifMatch(await caseVersion()))).status).toBe(403);
    await finalMonitoring(w.as.lead, caseId, "2025-10-15");
    const closed = await w.as.lead.post(url, closure, ifMatch(await caseVersion()));
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.case.phaseLabel).toBe("終結");
    expect(closed.body.case.phaseHistory.at(-1)).toMatchObject({ phaseLabel: "終結", reason: "目標達成" });
    const after = await section();
    expect(after.closure).toMatchObject({ closedOn: "2025-10-31", reasonLabel: "目標達成" });
    expect(after.reviewOverdue).toBe(false);
    expect((await w.as.lead.post(url, closure, ifMatch(await caseVersion()))).status).toBe(409);
    expect((await w.as.lead.post(`/api/cases/${caseId}/plans`, { kind: "support" })).status).toBe(409);
    // a closed case's tasks are no one's open tasks any more
    expect((await w.as.team.get("/api/support-tasks")).body.tasks).toEqual([]);
  });

  it("closes a case that never reached an approved plan with its reason alone (the person moved away)", async () => {
    const personId = await w.person(w.as.senderProvider, "テンキョ ホンニン");
    const referralId = await w.referral(personId, "given");
    const householdId = await w.household(personId);
    const opened = (await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId })).id;
    const version = (await w.as.lead.get(`/api/cases/${opened}`)).body.case.version as number;
    const moved = { closedOn: "2025-07-01", reason: "moved", evaluation: "市外へ転居。転居先の相談窓口に引き継いだ" };
    const closed = await w.as.lead.post(`/api/cases/${opened}/closure`, moved, ifMatch(version));
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.case.phaseHistory.at(-1)).toMatchObject({ phaseLabel: "終結", reason: "転居" });
  });

  it("plans outreach before consent, then a support plan once consent is recorded", async () => {
    const personId = await w.person(w.as.senderProvider, "アウトリーチ ホンニン");
    const referralId = await w.referral(personId, "unknown");
    const householdId = await w.household(personId);
    caseId = (await w.openCase({ referralIds: [referralId], householdId, mainPersonId: personId })).id;
    expect(await section()).toMatchObject({ outreach: true, consent: "unknown", consentDate: null });
    const support = await w.as.lead.post(`/api/cases/${caseId}/plans`, { kind: "support" });
    expect(support.body.fields).toEqual([
      { field: "kind", message: "本人の同意がないため支援プランは作れません。アウトリーチ支援プランにしてください" },
    ]);
    // without consent the team agency has no basis for the plan (as for records): 404
    expect((await w.as.team.get(`/api/cases/${caseId}/plans`)).status).toBe(404);
    const outreach = await draftPlan(w.as.lead, caseId, "outreach", [{ agencyId: w.agencyId.team }], "会いたくない");
    expect(outreach.kindLabel).toBe("アウトリーチ支援プラン");
    await approvePlan(w, w.as.coordinator, caseId, outreach);
    await move("assessment");
    await move("planning");
    expect((await move("support")).status).toBe(400);

    const consent = await w.as.lead.post(
      `/api/cases/${caseId}/consents`,
      { personId, scope: "team", givenOn: "2025-08-20", method: "written" },
      ifMatch(await caseVersion()),
    );
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    expect(await section()).toMatchObject({ outreach: false, consent: "given", consentDate: "2025-08-20" });
    expect((await w.as.lead.post(`/api/cases/${caseId}/plans`, { kind: "outreach" })).status).toBe(400);
    const next = await w.as.lead.post(`/api/cases/${caseId}/plans`, { kind: "support" });
    expect(next.body.plan).toMatchObject({ number: 2, kind: "support", wishes: "会いたくない" });
    await approvePlan(w, w.as.lead, caseId, next.body.plan, "2025-09-01");
    expect((await move("support")).status).toBe(200);
    const kinds = (await section(w.as.team)).plans.map((p: { kindLabel: string; statusLabel: string }) =>
      [p.kindLabel, p.statusLabel].join(":"),
    );
    expect(kinds).toEqual(["支援プラン:承認済み", "アウトリーチ支援プラン:過去の版"]);
  });

  it("audits every read and change of a plan", async () => {
    const db = w.t.database.db;
    const reads = await auditRecords(db, { entityType: "support_plans", entityId: caseId });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.action === "read")).toBe(true);
    expect(reads.map((r) => r.basis)).toContain("case:lead");
    const approvals = await auditRecords(db, { entityType: "support_plan", action: "approve" });
    expect(approvals.length).toBe(4);
    const denied = await auditRecords(db, { action: "denied", entityId: caseId });
    expect(denied.map((r) => `${r.actorLabel} ${r.basis}`)).toContain("team-staff need_to_know:plans");
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
