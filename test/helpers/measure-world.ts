import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { programmeProjectAgencies, programmeProjects } from "../../src/server/db/schema/index.js";
import { createMunicipality, FACTORY_PASSWORD } from "../factories/municipality.js";
import { createAgencyUser } from "../factories/support.js";
import { ApiClient, ifMatch } from "./api-client.js";
import { approvePlan, draftPlan, finalMonitoring } from "./support-plans.js";
import { startTestApp, type TestApp } from "./test-app.js";

/**
 * A municipality of its own (no demo data in its counts) whose support work is entered through the API, then placed
 * in time: the instants a row gets from the database clock (a referral's sending, a person's registration, a case's
 * opening, a provider's registration) are moved to the fiscal-year edges in Japan, which no request can choose.
 *
 * 令和7年度 (FY2025) holds, by hand:
 * - persons: ホンニン (registered by the provider at 2025-03-31T15:30Z = 4月1日 0:30 JST), ソウダン (by 地域包括),
 *   ヨウイ (by the coordinators); ゼンネン at 2025-03-31T14:59:59Z (= 3月31日 23:59 JST) is 令和6年度 → 3
 * - つなぐシート: the provider's about ホンニン (sent 4月1日 0:30 JST, forwarded twice, つなぎ完了) and 地域包括's about
 *   ソウダン; the provider's about ゼンネン is 令和6年度 → sent 2 (provider 1, public 1), completed 1 (50%)
 * - one case (lead 地域包括, issues 介護 and 8050), opened in the year, closed on 2026-03-31
 * - 支援経過: 面談 6 (the first on 2025-04-01), 電話 2 (the last on 2026-03-31); 面談 on 2025-03-31 and 訪問 on
 *   2026-04-01 fall outside → 8
 * - meetings: 支援会議 on 2026-03-31 (北地区), 重層的支援会議 on 2025-04-01 and 2025-06-10 (approving the plan);
 *   a 支援会議 on 2026-04-01 is 令和8年度 → 支援会議 1 (北地区 1), 重層的支援会議 2
 * - one 支援プラン approved on 2025-06-10, no アウトリーチ支援プラン
 * - 登録事業者: the provider registered 2025-03-31T15:30Z; a second one registered now (令和8年度) → 1
 * - 相談受付: the year's two つなぐシート (the case was opened from one of them, so it adds nothing) → 2
 * - 参加支援: two placements of the one case's person at one place run by 統計テストの会 → 1 person, 1 operator
 * - 地域づくりの拠点: that place's months (hubMonths) → 1 hub, 12 participants, 3 organisations
 */
export interface MeasureWorld {
  t: TestApp;
  code: string;
  municipalityId: string;
  as: Record<"coordinator" | "houkatsu" | "provider" | "office" | "viewer" | "supportAdmin" | "editor", ApiClient>;
  agencyId: { coord: string; houkatsu: string; provider: string };
  districtId: string;
}

const EDGE_IN = "2025-03-31T15:30:00Z";
const EDGE_OUT = "2025-03-31T14:59:59Z";
const MID_YEAR = "2025-08-01T03:00:00Z";

export async function startMeasureWorld(): Promise<MeasureWorld> {
  const t = await startTestApp();
  const db = t.database.db;
  const code = "999061";
  const { municipality } = await createMunicipality(db, code);
  const coord = await createAgencyUser(db, municipality.id, {
    loginId: "coord",
    role: "support_staff",
    agencyName: "多機関協働（統計テスト）",
    isCoordinator: true,
  });
  const houkatsu = await createAgencyUser(db, municipality.id, {
    loginId: "houkatsu",
    role: "support_staff",
    agencyName: "地域包括（統計テスト）",
  });
  const provider = await createAgencyUser(db, municipality.id, {
    loginId: "jigyo",
    role: "provider",
    agencyName: "登録事業者（統計テスト）",
  });
  await createAgencyUser(db, municipality.id, { loginId: "jigyo2", role: "provider", agencyName: "新しい事業者" });
  const login = (id: string) => ApiClient.login(t.baseUrl, id, FACTORY_PASSWORD, code);
  const as: MeasureWorld["as"] = {
    coordinator: await login("coord"),
    houkatsu: await login("houkatsu"),
    provider: await login("jigyo"),
    office: await login("office"),
    viewer: await login("viewer"),
    supportAdmin: await login("support-admin"),
    editor: await login("editor"),
  };
  const at = async (table: string, id: string, instant: string) =>
    db.execute(sql`update ${sql.identifier(table)} set created_at = ${instant}::timestamptz where id = ${id}`);
  const ok = <T extends { status: number; body: unknown }>(res: T, status = 201) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as Record<string, { id: string; version: number }>;
  };

  const person = async (client: ApiClient, nameKana: string, instant: string) => {
    const id = ok(await client.post("/api/persons", { nameKana, nameKanji: "架空 統計" })).person?.id as string;
    await at("persons", id, instant);
    return id;
  };
  const main = await person(as.provider, "トウケイ ホンニン", EDGE_IN);
  const consulted = await person(as.houkatsu, "トウケイ ソウダン", MID_YEAR);
  await person(as.coordinator, "トウケイ ヨウイ", MID_YEAR);
  const lastYear = await person(as.provider, "トウケイ ゼンネン", EDGE_OUT);

  const referral = async (client: ApiClient, personId: string, instant: string) => {
    const body = {
      personId,
      toAgencyId: null,
      concerns: ["介護"],
      observed: "様子が気になった（統計テスト）",
      urgency: "中",
      consent: "given",
      consentDate: "2025-03-01",
      consentMethod: "口頭",
    };
    const id = ok(await client.post("/api/referrals", body)).referral?.id as string;
    await at("referrals", id, instant);
    return id;
  };
  const forwarded = await referral(as.provider, main, EDGE_IN);
  await referral(as.houkatsu, consulted, MID_YEAR);
  await referral(as.provider, lastYear, EDGE_OUT);
  await moveReferral(as, forwarded, houkatsu.agencyId);

  const household = ok(
    await as.coordinator.post("/api/households", {
      name: "統計家",
      address: "統計市1-1（架空）",
      members: [{ personId: main, relationship: "本人" }],
    }),
  ).household?.id as string;
  const opened = ok(
    await as.coordinator.post("/api/cases", {
      referralIds: [forwarded],
      householdId: household,
      mainPersonId: main,
      leadAgencyId: houkatsu.agencyId,
      issues: ["介護", "8050"],
    }),
  ).case as { id: string; version: number };
  const caseId = opened.id;
  await at("cases", caseId, MID_YEAR);
  const records: [string, string][] = [
    ["面談", "2025-04-01"],
    ["面談", "2025-05-10"],
    ["面談", "2025-06-10"],
    ["面談", "2025-07-10"],
    ["面談", "2025-08-10"],
    ["面談", "2025-09-10"],
    ["電話", "2025-10-01"],
    ["電話", "2026-03-31"],
    ["面談", "2025-03-31"],
    ["訪問", "2026-04-01"],
  ];
  for (const [kind, date] of records)
    ok(await as.houkatsu.post(`/api/cases/${caseId}/records`, { kind, date, text: "統計テスト", visibility: "team" }));

  const w = { as, agencyId: { coord: coord.agencyId } };
  const plan = await draftPlan(as.houkatsu, caseId, "support", [{ agencyId: houkatsu.agencyId }]);
  await approvePlan(w, as.houkatsu, caseId, plan, "2025-06-10");
  await finalMonitoring(as.houkatsu, caseId, "2025-09-01");
  const districtId = ok(await as.coordinator.post("/api/districts", { name: "北地区" })).district?.id as string;
  const hub = await placementsOf(as, caseId, districtId);
  await hubMonths(as, hub);
  const current = ok(await as.houkatsu.get(`/api/cases/${caseId}`), 200).case as { version: number };
  ok(
    await as.houkatsu.post(
      `/api/cases/${caseId}/closure`,
      { closedOn: "2026-03-31", reason: "moved", evaluation: "転居先に引き継いだ（統計テスト）" },
      ifMatch(current.version),
    ),
  );

  const kinds = ok(await as.coordinator.get("/api/meeting-kinds"), 200).kinds as unknown as {
    id: string;
    legalBasis: string;
  }[];
  const kindOf = (basis: string) => kinds.find((k) => k.legalBasis === basis)?.id;
  const meeting = async (basis: string, heldOn: string, district: string | null) =>
    ok(
      await as.coordinator.post("/api/meetings", {
        kindId: kindOf(basis),
        heldOn,
        districtId: district,
        secretariatAgencyId: coord.agencyId,
        title: `統計テスト ${heldOn}`,
      }),
    );
  await meeting("art106_6", "2026-03-31", districtId);
  await meeting("consent", "2025-04-01", null);
  await meeting("art106_6", "2026-04-01", districtId);
  await at("agencies", provider.agencyId, EDGE_IN);

  return {
    t,
    code,
    municipalityId: municipality.id,
    as,
    agencyId: { coord: coord.agencyId, houkatsu: houkatsu.agencyId, provider: provider.agencyId },
    districtId,
  };
}

/** Forwarded twice (coordinators → 地域包括 → coordinators) and then つなぎ完了: still one referral. */
async function moveReferral(as: MeasureWorld["as"], id: string, houkatsuId: string) {
  const move = async (client: ApiClient, body: Record<string, unknown>) => {
    const current = await client.get(`/api/referrals/${id}`);
    const res = await client.post(`/api/referrals/${id}/transition`, body, ifMatch(current.body.referral.version));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  await move(as.coordinator, { to: "forwarded", reason: "地域包括へ（統計テスト）", toAgencyId: houkatsuId });
  await move(as.houkatsu, { to: "forwarded", reason: "多機関協働へ戻す（統計テスト）", toCoordinators: true });
  await move(as.coordinator, { to: "accepted" });
  await move(as.coordinator, { to: "completed" });
}

/**
 * 参加支援 in 北地区: the lead agency's placement moves 見学・体験 (2025-05-01) → 参加 (2025-06-01) → 定着 (2026-04-01,
 * next year); the coordinators' starts on 2025-03-31 (last year) and is interrupted on 2025-04-01.
 */
async function placementsOf(as: MeasureWorld["as"], caseId: string, districtId: string) {
  const answer = async (res: Promise<{ status: number; body: unknown }>, status: number) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body as Record<string, { id: string; version: number }>;
  };
  const created = await answer(
    as.coordinator.post("/api/resources", {
      name: "統計テストの居場所",
      category: "ibasho",
      operatorName: "統計テストの会",
      districtId,
      days: ["MO"],
      audiences: ["anyone"],
    }),
    201,
  );
  const resourceId = created.resource?.id as string;
  const url = `/api/cases/${caseId}/placements`;
  const start = async (client: ApiClient, startedOn: string) =>
    (await answer(client.post(url, { resourceId, wishes: "統計テスト", startedOn }), 201)).placement as {
      id: string;
      version: number;
    };
  const move = async (client: ApiClient, p: { id: string; version: number }, change: object) =>
    (await answer(client.post(`${url}/${p.id}/status`, change, ifMatch(p.version)), 200)).placement as {
      id: string;
      version: number;
    };
  const led = await start(as.houkatsu, "2025-05-01");
  const joined = await move(as.houkatsu, led, { status: "participating", on: "2025-06-01" });
  await move(as.houkatsu, joined, { status: "settled", on: "2026-04-01" });
  const coordinated = await start(as.coordinator, "2025-03-31");
  await move(as.coordinator, coordinated, { status: "interrupted", on: "2025-04-01", reason: "health" });
  return resourceId;
}

/**
 * The same place is a 地域づくりの拠点: 2025-04 (7 took part; 自治会, 社協), 2026-03 (5; 自治会 again, 民生委員) and
 * 2026-04 (9, next year) → 令和7年度 one hub, 12 participants, 3 organisations.
 */
async function hubMonths(as: MeasureWorld["as"], resourceId: string) {
  const months: [string, number, string[]][] = [
    ["2025-04", 7, ["自治会", "社協"]],
    ["2026-03", 5, ["自治会", "民生委員"]],
    ["2026-04", 9, []],
  ];
  for (const [month, participants, organisations] of months) {
    const res = await as.coordinator.put(`/api/resources/${resourceId}/activity/${month}`, {
      participants,
      organisations,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

/**
 * A project of the programme registry with the agencies attached to it, written straight to its tables (the
 * registry's import and its edits are the programme module's tests; here only the attribution matters).
 */
export async function addProject(w: MeasureWorld, number: number, name: string, agencyIds: string[]) {
  const db = w.t.database.db;
  const [project] = await db
    .insert(programmeProjects)
    .values({ municipalityId: w.municipalityId, number, name })
    .returning({ id: programmeProjects.id });
  const projectId = project?.id as string;
  if (agencyIds.length > 0)
    await db
      .insert(programmeProjectAgencies)
      .values(agencyIds.map((agencyId) => ({ municipalityId: w.municipalityId, projectId, agencyId })));
  return projectId;
}
