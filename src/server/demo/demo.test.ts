import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../test/helpers/api-client.js";
import { testAppForFile } from "../../../test/helpers/fixtures.js";
import { verifyAuditChain } from "../platform/audit.js";

const app = testAppForFile({ demoIndicators: true });

describe("the built-in demo municipality", () => {
  it("has a plan with two fiscal years of sheets, a 総括表 and indicators with attainment", async () => {
    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const plan = (await office.get("/api/plans")).body.plans[0];
    expect(plan).toMatchObject({ title: "つなぐ市地域福祉総合計画", periodLabel: "令和6～10年度" });
    const summary = (await office.get(`/api/plans/${plan.id}/summary?fiscalYear=2024`)).body.summary;
    expect(summary.total).toMatchObject({ projects: 13, graded: 12, ungraded: 1 });
    const list = (await office.get(`/api/plans/${plan.id}/indicators?fiscalYear=2024`)).body.indicators;
    expect(list).toHaveLength(8);
    const byName = Object.fromEntries(
      list.map((i: { name: string; attainment: { status: string } }) => [i.name, i.attainment.status]),
    );
    expect(byName).toMatchObject({
      支援会議の開催回数: "met",
      新たに開設された居場所の数: "notMet",
      小規模多機能型居宅介護の整備: "notMet",
      個別避難計画の作成: "noActual",
    });
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });

  it("has the meetings and plans of issue 12: a 支援会議 without consent, an agreed plan, an overdue review, a closure", async () => {
    const coord = await ApiClient.login(app.t.baseUrl, "coord");
    const kinds = (await coord.get("/api/meeting-kinds")).body.kinds as { name: string; legalBasis: string }[];
    expect(kinds.map((k) => [k.name, k.legalBasis])).toEqual([
      ["支援会議", "art106_6"],
      ["重層的支援会議", "consent"],
    ]);
    const districts = (await coord.get("/api/districts")).body.districts as { name: string }[];
    expect(districts.map((d) => d.name)).toEqual(["中央地区", "北地区", "南地区"]);
    const cases = (await coord.get("/api/cases")).body.cases as Summary[];
    const caseOf = (household: string) => cases.find((c) => c.household.name === household) as Summary;
    const meetings = (await coord.get("/api/meetings")).body.meetings as MeetingSummary[];
    expect(meetings.map((m) => m.kind.legalBasis)).toEqual(["consent", "art106_6", "consent"]);

    // the 支援会議: every member pledged (an outside lawyer among them), a family that has not consented on the agenda
    const shien = meetings.find((m) => m.kind.legalBasis === "art106_6") as MeetingSummary;
    expect(shien.counts).toEqual({ members: 3, pledged: 3, subjects: 1, decisions: 1 });
    const kikan = await ApiClient.login(app.t.baseUrl, "kikan");
    const seen = (await kikan.get(`/api/meetings/${shien.id}`)).body.meeting;
    expect(seen).toMatchObject({ access: "member", restricted: false, district: { name: "南地区" } });
    expect(seen.members.filter((m: { kind: string }) => m.kind === "expert")).toMatchObject([
      { expertRoleLabel: "弁護士", affiliation: "つなぐ架空法律事務所" },
    ]);
    expect(seen.members.every((m: { pledgedOn: string | null }) => m.pledgedOn !== null)).toBe(true);
    const mihon = caseOf("見本家");
    expect(seen.subjects).toMatchObject([{ caseId: mihon.id, hidden: false }]);
    expect((await kikan.get(`/api/cases/${mihon.id}`)).body.case.consent).toBe("unknown");
    expect(seen.decisions[0].subjectId).toBe(seen.subjects[0].id);
    expect(seen.minutes).toContain("誓約");
    const outreach = (await kikan.get(`/api/cases/${mihon.id}/plans`)).body.plans[0];
    expect(outreach).toMatchObject({ kind: "outreach", status: "approved", approvedMeetingId: shien.id });

    // つなぐ 太郎: 支援決定, the 重層的支援会議 that agreed the plan, three agencies' tasks, the review overdue
    const tsunagu = caseOf("つなぐ家");
    const sideOfCase = (await coord.get(`/api/cases/${tsunagu.id}/meetings`)).body;
    expect(sideOfCase.supportDecision).toMatchObject({ decidedOn: "2025-05-15", decidedBy: "福祉政策課長" });
    expect(sideOfCase.meetings).toMatchObject([{ kind: { legalBasis: "consent" }, heldOn: "2025-05-22" }]);
    const section = (await coord.get(`/api/cases/${tsunagu.id}/plans`)).body;
    const plan = section.plans[0];
    expect(plan).toMatchObject({ kind: "support", status: "approved", approvedMeetingId: sideOfCase.meetings[0].id });
    expect(plan.wishes).not.toBe("");
    expect(plan.goals.map((g: { term: string }) => g.term)).toEqual(["long", "short"]);
    const tasks = plan.goals.flatMap((g: { tasks: Task[] }) => g.tasks) as Task[];
    expect(new Set(tasks.map((t) => t.agency.id)).size).toBe(3);
    expect(tasks.map((t) => t.response).sort()).toEqual(["accepted", "accepted", "declined"]);
    expect((tasks.find((t) => t.response === "declined") as Task).reason).toContain("障害福祉サービスの対象とならない");
    expect(section).toMatchObject({ nextReviewOn: "2025-11-20", reviewOverdue: true, closure: null });

    // 仮名家: closed after its final monitoring, with the reason and evaluation, its history ending in 終結
    const closed = caseOf("仮名家");
    const closedSection = (await coord.get(`/api/cases/${closed.id}/plans`)).body;
    expect(closedSection.plans).toMatchObject([{ kind: "support", status: "approved" }]);
    expect(closedSection.monitorings[0]).toMatchObject({ heldOn: "2025-03-13", isFinal: true });
    expect(closedSection).toMatchObject({
      reviewOverdue: false,
      closure: { closedOn: "2025-03-27", reasonLabel: "目標達成" },
    });
    expect(closedSection.closure.evaluation).not.toBe("");
    const detail = (await coord.get(`/api/cases/${closed.id}`)).body.case;
    const history = detail.phaseHistory.map((h: { phaseLabel: string }) => h.phaseLabel);
    expect(history).toEqual(["受付", "アセスメント", "プラン", "支援", "終結"]);
    expect(detail.version).toBe(history.length);
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });

  it("has local resources in its 地区: a hidden shelter and a provider's proposal among them", async () => {
    const coord = await ApiClient.login(app.t.baseUrl, "coord");
    const all = (await coord.get("/api/resources")).body.resources as DemoResource[];
    expect(all.map((r) => r.status).sort()).toEqual(["active", "active", "active", "active", "active", "proposed"]);
    expect(new Set(all.map((r) => r.district?.name))).toEqual(new Set(["中央地区", "北地区", "南地区"]));
    const shelter = all.find((r) => r.locationHidden) as DemoResource;
    expect(shelter.address).not.toBeNull();
    const kikan = await ApiClient.login(app.t.baseUrl, "kikan");
    const seen = (await kikan.get("/api/resources")).body.resources as DemoResource[];
    expect(seen.map((r) => r.status)).not.toContain("proposed");
    expect(seen.find((r) => r.id === shelter.id)?.address).toBeNull();
    // two 地域づくりの拠点 with 令和7年度's months: 96 took part, six organisations joined
    const stats = (await coord.get("/api/stats?fiscalYear=2025")).body.measures as {
      key: string;
      total: { value: number | null } | null;
    }[];
    const total = (key: string) => stats.find((m) => m.key === key)?.total?.value;
    expect([total("community_hubs"), total("hub_participants"), total("hub_organisations")]).toEqual([2, 96, 6]);
  });

  it("has a placement in each status, the operator's consented view, unmet needs and the programme registry", async () => {
    const coord = await ApiClient.login(app.t.baseUrl, "coord");
    const cases = (await coord.get("/api/cases")).body.cases as Summary[];
    const caseOf = (household: string) => cases.find((c) => c.household.name === household) as Summary;
    const placementsOf = async (household: string) =>
      (await coord.get(`/api/cases/${caseOf(household).id}/placements`)).body.placements as DemoPlacement[];
    const all = [
      ...(await placementsOf("つなぐ家")),
      ...(await placementsOf("見本家")),
      ...(await placementsOf("架空家")),
    ];
    expect(all.map((p) => p.statusLabel).sort()).toEqual(["中断", "参加", "定着", "見学・体験"].sort());
    const stopped = all.find((p) => p.status === "interrupted") as DemoPlacement;
    expect(stopped).toMatchObject({ interruptionReasonLabel: "移動手段", followUpOn: null, followUpDue: false });
    const settled = all.find((p) => p.status === "settled") as DemoPlacement;
    expect(settled.history.map((h) => h.statusLabel)).toEqual(["見学・体験", "参加", "定着"]);
    // the demo's follow-ups are set in 2025: every placement still running has one due
    expect(
      all
        .filter((p) => p.followUpDue)
        .map((p) => p.status)
        .sort(),
    ).toEqual(["participating", "settled", "trial"]);

    // the 基幹 runs the 喫茶: it sees つなぐ 太郎's placement there, which his consent to the team covers
    const kikan = await ApiClient.login(app.t.baseUrl, "kikan");
    const cafe = (await coord.get("/api/resources")).body.resources.find(
      (r: { name: string }) => r.name === "喫茶つなぐ 就労体験",
    );
    const atCafe = await kikan.get(`/api/resources/${cafe.id}/placements`);
    expect(atCafe.status).toBe(200);
    expect(atCafe.body.placements).toMatchObject([{ caseId: caseOf("つなぐ家").id, status: "settled" }]);

    const needs = (await coord.get("/api/unmet-needs")).body.unmetNeeds as { lookedFor: string; district: unknown }[];
    expect(needs.map((n) => n.lookedFor)).toContain("送迎つきの就労体験");
    expect(needs).toHaveLength(3);

    const office = await ApiClient.login(app.t.baseUrl, "keikaku");
    const registry = (await office.get("/api/programme")).body;
    expect(registry.categories.map((c: { name: string }) => c.name)).toEqual([
      "包括的相談支援事業",
      "参加支援事業",
      "地域づくり事業",
      "アウトリーチ等を通じた継続的支援事業",
      "多機関協働事業",
    ]);
    expect(registry.projects).toHaveLength(13);
    type Project = {
      number: number;
      integrated: boolean;
      categories: { name: string }[];
      agencies: { name: string }[];
    };
    const hikikomori = registry.projects.find((p: Project) => p.number === 12) as Project;
    expect(hikikomori.integrated).toBe(true);
    expect(hikikomori.categories.map((c) => c.name)).toEqual(["アウトリーチ等を通じた継続的支援事業", "参加支援事業"]);
    const withAgencies = registry.projects.filter((p: Project) => p.agencies.length > 0);
    expect(withAgencies).toHaveLength(11);
    const sanka = registry.projects.find((p: Project) => p.number === 5) as Project;
    expect(sanka.agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining(["つなぐ市 多機関協働推進室", "架空ケアサービス株式会社（登録事業者）"]),
    );
    expect((await verifyAuditChain(app.t.database.db)).ok).toBe(true);
  });
});

type DemoResource = {
  id: string;
  status: string;
  locationHidden: boolean;
  address: string | null;
  district: { name: string } | null;
};

type DemoPlacement = {
  status: string;
  statusLabel: string;
  interruptionReasonLabel: string | null;
  followUpOn: string | null;
  followUpDue: boolean;
  history: { statusLabel: string }[];
};

type Summary = { id: string; household: { name: string } };
type MeetingSummary = {
  id: string;
  kind: { legalBasis: string };
  counts: { members: number; pledged: number; subjects: number; decisions: number };
};
type Task = { agency: { id: string }; response: string; reason: string | null };
