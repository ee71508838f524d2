import { expect } from "vitest";
import { ApiClient } from "./api-client.js";

/** What a browser spec's case is opened from: a new person and the つなぐシート sent about them to the coordinators. */
export interface CaseSetup {
  person: { nameKana: string; nameKanji: string };
  sheet: { concerns: string[]; observed: string; consent: "given" | "unknown"; consentDate?: string };
  address: string;
}

/**
 * A case opened by the coordinator through the API (the set-up of a browser story that is not about opening cases):
 * the person, the sheet, a household with the person as 本人, 地域包括 leading and 基幹 on the team. Returns the
 * coordinator's client and the demo agencies by a part of their name, for the story's further set-up.
 */
export async function openCaseAsCoordinator(baseUrl: string, setup: CaseSetup) {
  const coord = await ApiClient.login(baseUrl, "coord");
  const agencies = (await coord.get("/api/agencies")).body.agencies as { id: string; name: string }[];
  const agency = (part: string) => agencies.find((a) => a.name.includes(part))?.id as string;
  const person = await coord.post("/api/persons", setup.person);
  const { consentDate, ...sheet } = setup.sheet;
  const referral = await coord.post("/api/referrals", {
    personId: person.body.person.id,
    toAgencyId: null,
    urgency: "中",
    ...sheet,
    ...(consentDate ? { consentDate, consentMethod: "口頭" } : {}),
  });
  expect(referral.status, JSON.stringify(referral.body)).toBe(201);
  const household = await coord.post("/api/households", {
    address: setup.address,
    members: [{ personId: person.body.person.id, relationship: "本人" }],
  });
  const opened = await coord.post("/api/cases", {
    referralIds: [referral.body.referral.id],
    householdId: household.body.household.id,
    mainPersonId: person.body.person.id,
    leadAgencyId: agency("地域包括"),
    teamAgencyIds: [agency("基幹")],
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return { coord, agency, caseId: opened.body.case.id as string };
}
