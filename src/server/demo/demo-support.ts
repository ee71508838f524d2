import { randomUUID } from "node:crypto";
import type { Executor } from "../db/client.js";
import { users } from "../db/schema/index.js";
import * as agenciesRepo from "../modules/agencies/repository.js";
import { insertConsent } from "../modules/cases/consent-repository.js";
import * as departmentsRepo from "../modules/departments/repository.js";
import * as referralsRepo from "../modules/referrals/repository.js";
import type { ReferralStatus } from "../modules/referrals/schema.js";
import { type AuditEntry, recordAudit } from "../platform/audit.js";
import { loadDemoCases } from "./demo-cases.js";
import { loadDemoMeetings } from "./demo-meetings.js";
import { loadDemoPlacements } from "./demo-placements.js";
import { loadDemoProgramme } from "./demo-programme.js";
import { loadDemoResources } from "./demo-resources.js";
import {
  type AgencyKey,
  DEMO_AGENCIES,
  DEMO_PERSONS,
  DEMO_REFERRALS,
  DEMO_SUPPORT_USERS,
  demoTime,
  insertDemoPerson,
  type PersonKey,
} from "./demo-support-data.js";

export { DEMO_AGENCIES, DEMO_SUPPORT_USERS };

/** Issue 4 demo: agencies, their accounts, three invented persons and three referrals in different states. */
/** What loading the demo wrote, as the audit trail records it: done by the system, not by an account. */
export function demoLoadRecord(
  municipalityId: string,
  entityType: string,
  entityId: string,
  after: unknown,
): AuditEntry {
  return { municipalityId, actorUserId: null, actorLabel: "system", action: "load_demo", entityType, entityId, after };
}

/**
 * `participation`: also the 参加支援 placements, unmet needs and the programme registry (tests that build their own
 * and count them start without).
 */
export async function loadDemoSupport(
  tx: Executor,
  municipalityId: string,
  passwordHash: string,
  participation = true,
) {
  const agencyIds = new Map<AgencyKey, string>();
  for (const a of DEMO_AGENCIES) {
    const department = a.department
      ? await departmentsRepo.findDepartmentByName(tx, municipalityId, a.department)
      : null;
    const row = await agenciesRepo.insertAgency(tx, {
      municipalityId,
      name: a.name,
      category: a.category,
      kind: a.kind,
      isCoordinator: a.isCoordinator,
      departmentId: department?.id ?? null,
    });
    agencyIds.set(a.key, row.id);
  }
  const agency = (key: AgencyKey) => agencyIds.get(key) as string;
  const userByAgency = new Map<AgencyKey, string>();
  for (const u of DEMO_SUPPORT_USERS) {
    const [row] = await tx
      .insert(users)
      .values({
        municipalityId,
        loginId: u.loginId,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        agencyId: agency(u.agency),
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    userByAgency.set(u.agency, row.id);
  }
  const personIds = new Map<PersonKey, string>();
  for (const p of DEMO_PERSONS) {
    const row = await insertDemoPerson(tx, municipalityId, p, { agency, userByAgency });
    personIds.set(p.key, row.id);
  }
  const referralIds = new Map<PersonKey, string>();
  for (const r of DEMO_REFERRALS) {
    const last = r.path.at(-1)?.status ?? "sent";
    const referral = await referralsRepo.insertReferral(tx, {
      municipalityId,
      personId: personIds.get(r.person) as string,
      fromAgencyId: agency(r.from),
      toAgencyId: r.to ? agency(r.to) : null,
      concerns: r.concerns,
      observed: r.observed,
      urgency: r.urgency,
      consent: "given",
      consentDate: "2025-04-01",
      consentMethod: "口頭",
      status: last,
      dueDate: r.dueDate,
      createdBy: userByAgency.get(r.from) ?? null,
      version: 1 + r.path.length,
      createdAt: demoTime(r.sentOn),
      updatedAt: demoTime(r.path.at(-1)?.on ?? r.sentOn),
    });
    referralIds.set(r.person, referral.id);
    // the consent the sheet records names its receiver (the coordinators' agency when it went to them)
    await insertConsent(
      tx,
      {
        id: randomUUID(),
        municipalityId,
        personId: referral.personId,
        referralId: referral.id,
        scope: "agencies",
        givenOn: "2025-04-01",
        method: "oral",
        recordedBy: userByAgency.get(r.from) ?? null,
        recordedByAgencyId: agency(r.from),
        recordedAt: demoTime(r.sentOn),
      },
      [agency(r.to ?? "coord")],
    );
    for (const step of [{ status: "sent" as ReferralStatus, by: r.from, on: r.sentOn, reason: undefined }, ...r.path]) {
      await referralsRepo.insertEvent(tx, {
        municipalityId,
        referralId: referral.id,
        status: step.status,
        byUserId: userByAgency.get(step.by) ?? null,
        agencyId: agency(step.by),
        reason: step.reason ?? null,
        at: demoTime(step.on),
      });
    }
  }
  const { caseIds, counts } = await loadDemoCases(tx, municipalityId, { agency, userByAgency, personIds, referralIds });
  const meetings = await loadDemoMeetings(tx, municipalityId, { agency, userByAgency, personIds, caseIds });
  const resources = await loadDemoResources(tx, municipalityId, agency);
  const placements = participation
    ? await loadDemoPlacements(tx, municipalityId, { agency, userByAgency, caseIds, resourceIds: resources.ids })
    : {};
  const programme = participation ? await loadDemoProgramme(tx, municipalityId, agency) : {};
  await recordAudit(
    tx,
    demoLoadRecord(municipalityId, "municipality", municipalityId, {
      agencies: DEMO_AGENCIES.length,
      persons: DEMO_PERSONS.length,
      referrals: DEMO_REFERRALS.length,
      ...counts,
      ...meetings,
      ...resources.counts,
      ...placements,
      ...programme,
    }),
  );
}
