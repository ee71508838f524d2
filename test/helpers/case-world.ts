import { expect } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../factories/municipality.js";
import { createAgencyUser } from "../factories/support.js";
import { ApiClient } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

/** The callers of the case access matrix. */
export type Caller =
  | "coordinator"
  | "lead"
  | "team"
  | "otherStaff"
  | "senderProvider"
  | "otherProvider"
  | "planOffice"
  | "viewer"
  | "systemAdmin"
  | "otherMunicipality";
export const CALLERS: Caller[] = [
  "coordinator",
  "lead",
  "team",
  "otherStaff",
  "senderProvider",
  "otherProvider",
  "planOffice",
  "viewer",
  "systemAdmin",
  "otherMunicipality",
];

export interface CaseWorld {
  t: TestApp;
  as: Record<Caller, ApiClient>;
  otherMunicipalityId: string;
  agencyId: { houkatsu: string; kikan: string; kodomo: string; team: string; coord: string };
  /** registers an invented person as the calling client (201 expected) */
  person(client: ApiClient, nameKana: string): Promise<string>;
  /** a referral from the demo provider to the coordinators about `personId` */
  referral(personId: string, consent?: "given" | "not_given" | "unknown"): Promise<string>;
  /** a household (registered by the coordinator) with `personId` as 本人 and the others as 子 */
  household(personId: string, others?: string[]): Promise<string>;
  /** a case opened by the coordinator: lead 地域包括, team + the test agency */
  openCase(opts: { referralIds: string[]; householdId: string; mainPersonId: string }): Promise<{
    id: string;
    version: number;
  }>;
}

/**
 * A test app with the demo municipality, a second public agency with one account ("team"), another provider and a
 * second municipality whose coordinator tries to reach the demo municipality's cases.
 */
export async function startCaseWorld(): Promise<CaseWorld> {
  const t = await startTestApp();
  const as = {} as Record<Caller, ApiClient>;
  as.coordinator = await ApiClient.login(t.baseUrl, "coord");
  as.lead = await ApiClient.login(t.baseUrl, "houkatsu");
  as.otherStaff = await ApiClient.login(t.baseUrl, "kikan");
  as.senderProvider = await ApiClient.login(t.baseUrl, "jigyosha");
  as.planOffice = await ApiClient.login(t.baseUrl, "keikaku");
  as.viewer = await ApiClient.login(t.baseUrl, "iin");
  as.systemAdmin = await ApiClient.login(t.baseUrl, "admin");
  const team = await createAgencyUser(t.database.db, t.municipalityId, {
    loginId: "team-staff",
    role: "support_staff",
    agencyName: "つなぐ市生活自立相談センター（テスト）",
  });
  as.team = await ApiClient.login(t.baseUrl, "team-staff", FACTORY_PASSWORD);
  await createAgencyUser(t.database.db, t.municipalityId, {
    loginId: "other-provider",
    role: "provider",
    agencyName: "別の登録事業者（テスト）",
  });
  as.otherProvider = await ApiClient.login(t.baseUrl, "other-provider", FACTORY_PASSWORD);
  const other = await createMunicipality(t.database.db, "999003");
  await createAgencyUser(t.database.db, other.municipality.id, {
    loginId: "coord",
    role: "support_staff",
    agencyName: "よその市の多機関協働",
    isCoordinator: true,
  });
  as.otherMunicipality = await ApiClient.login(t.baseUrl, "coord", FACTORY_PASSWORD, "999003");

  const agencies = (await as.systemAdmin.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const byName = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  const agencyId = {
    houkatsu: byName("地域包括"),
    kikan: byName("基幹"),
    kodomo: byName("子ども家庭"),
    coord: byName("多機関協働推進室"),
    team: team.agencyId,
  };

  const world: CaseWorld = {
    t,
    as,
    otherMunicipalityId: other.municipality.id,
    agencyId,
    async person(client, nameKana) {
      const res = await client.post("/api/persons", { nameKana, nameKanji: "架空 テスト" });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.person.id;
    },
    async referral(personId, consent = "given") {
      const res = await as.senderProvider.post("/api/referrals", {
        personId,
        toAgencyId: null,
        concerns: ["介護", "8050"],
        observed: "送迎時に同居の家族の様子が気になった（テスト）",
        urgency: "中",
        consent,
        consentDate: consent === "given" ? "2025-05-01" : null,
        consentMethod: consent === "given" ? "口頭" : null,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.referral.id;
    },
    async household(personId, others = []) {
      const res = await as.coordinator.post("/api/households", {
        name: "テスト家",
        address: "つなぐ市本町9-9（架空）",
        members: [{ personId, relationship: "本人" }, ...others.map((p) => ({ personId: p, relationship: "子" }))],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.household.id;
    },
    async openCase(opts) {
      const res = await as.coordinator.post("/api/cases", {
        ...opts,
        leadAgencyId: agencyId.houkatsu,
        teamAgencyIds: [agencyId.team],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.case.id, version: res.body.case.version };
    },
  };
  return world;
}

/** The starting point of the case tests: a person and a child in one household, the person referred by a provider. */
export interface ReferredHousehold {
  mainId: string;
  childId: string;
  referralId: string;
  householdId: string;
}

export async function referredHousehold(w: CaseWorld): Promise<ReferredHousehold> {
  const mainId = await w.person(w.as.senderProvider, "ケース ホンニン");
  const childId = await w.person(w.as.senderProvider, "ケース コドモ");
  const referralId = await w.referral(mainId);
  const householdId = await w.household(mainId, [childId]);
  return { mainId, childId, referralId, householdId };
}

/** The case world with the referred household already in it: where the case and household tests start. */
export async function startReferredHouseholdWorld(): Promise<CaseWorld & ReferredHousehold> {
  const w = await startCaseWorld();
  return { ...w, ...(await referredHousehold(w)) };
}
