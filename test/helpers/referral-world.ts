/**
 * The referral tests' world: the demo municipality's coordinators, the receiving 地域包括 (houkatsu), another agency
 * (kikan), the sending provider (jigyosha), another provider, the plan office and a coordinator of another
 * municipality; a person the provider registered and one sheet it sent about that person to 地域包括.
 */
import { expect } from "vitest";
import { createMunicipality, FACTORY_PASSWORD } from "../factories/municipality.js";
import { createAgencyUser } from "../factories/support.js";
import { ApiClient } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

export type Actor =
  | "coordinator"
  | "receiver"
  | "otherStaff"
  | "senderProvider"
  | "otherProvider"
  | "planOffice"
  | "otherMunicipality";
export const ACTORS: Actor[] = [
  "coordinator",
  "receiver",
  "otherStaff",
  "senderProvider",
  "otherProvider",
  "planOffice",
  "otherMunicipality",
];

export interface ReferralWorld {
  t: TestApp;
  as: Record<Actor, ApiClient>;
  otherMunicipalityId: string;
  agencyId: Record<string, string>;
  /** registered by the provider that sends the referral */
  personId: string;
  otherPersonId: string;
  referralId: string;
  /** a valid referral about `personId` to 地域包括, with `over` laid on top */
  referralBody(over?: Record<string, unknown>): Record<string, unknown>;
}

export async function startReferralWorld(): Promise<ReferralWorld> {
  const t = await startTestApp();
  const as = {} as Record<Actor, ApiClient>;
  as.coordinator = await ApiClient.login(t.baseUrl, "coord");
  as.receiver = await ApiClient.login(t.baseUrl, "houkatsu");
  as.otherStaff = await ApiClient.login(t.baseUrl, "kikan");
  as.senderProvider = await ApiClient.login(t.baseUrl, "jigyosha");
  as.planOffice = await ApiClient.login(t.baseUrl, "keikaku");
  await createAgencyUser(t.database.db, t.municipalityId, {
    loginId: "other-provider",
    role: "provider",
    agencyName: "別の登録事業者",
  });
  as.otherProvider = await ApiClient.login(t.baseUrl, "other-provider", FACTORY_PASSWORD);
  const other = await createMunicipality(t.database.db, "999002");
  const otherMunicipalityId = other.municipality.id;
  await createAgencyUser(t.database.db, otherMunicipalityId, {
    loginId: "staff",
    role: "support_staff",
    agencyName: "よその市の多機関協働",
    isCoordinator: true,
  });
  as.otherMunicipality = await ApiClient.login(t.baseUrl, "staff", FACTORY_PASSWORD, "999002");

  const agencies = (await as.coordinator.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const byName = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  const agencyId = { houkatsu: byName("地域包括"), kikan: byName("基幹"), kodomo: byName("子ども家庭") };
  const person = await as.senderProvider.post("/api/persons", { nameKanji: "架空 次郎", nameKana: "カクウ ジロウ" });
  expect(person.status).toBe(201);
  const personId: string = person.body.person.id;
  const otherPersonId: string = (await as.receiver.post("/api/persons", { nameKana: "マトリクス サンプル" })).body
    .person.id;
  const referralBody = (over: Record<string, unknown> = {}) => ({
    personId,
    toAgencyId: agencyId.houkatsu,
    concerns: ["介護", "8050"],
    observed: "デイサービスの送迎時、息子さんの様子が気になった",
    urgency: "中",
    consent: "given",
    consentDate: "2025-05-01",
    consentMethod: "口頭",
    ...over,
  });
  const created = await as.senderProvider.post("/api/referrals", referralBody());
  expect(created.status).toBe(201);
  const referralId: string = created.body.referral.id;
  return { t, as, otherMunicipalityId, agencyId, personId, otherPersonId, referralId, referralBody };
}
