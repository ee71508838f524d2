import { and, asc, count, countDistinct, eq, gte, inArray, isNotNull, lt, lte, type SQL, sql } from "drizzle-orm";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../../domain/measures/suppression.js";
import type { Executor } from "../../db/client.js";
import { inMunicipality, recordNamedBy } from "../../db/records.js";
import {
  agencies,
  caseClosures,
  caseRecords,
  cases,
  districts,
  meetingKinds,
  meetings,
  municipalities,
  persons,
  placementEvents,
  placements,
  programmeProjectAgencies,
  programmeProjects,
  referrals,
  resources,
  supportPlans,
} from "../../db/schema/index.js";

/**
 * The SQL of the computed measures: one statement per measure (or per group of measures over the same rows), each a
 * count grouped by what the measure is broken down into. Events stamped with an instant are placed in the fiscal
 * year by Japan's clock (`instants`), dated events by their date (`days`).
 */

export interface MeasureScope {
  municipalityId: string;
  /** the fiscal year's first and last day */
  days: { start: string; end: string };
  /** the fiscal year as instants: from its first midnight in Japan to the next year's (excluded) */
  instants: { from: Date; to: Date };
  districtId: string | null;
  agencyId: string | null;
  /** a project of the programme registry: counted over the agencies attached to it */
  projectId?: string | null;
}

export const within = (column: Parameters<typeof gte>[0], { from, to }: MeasureScope["instants"]) =>
  and(gte(column, from), lt(column, to));
export const onDays = (column: Parameters<typeof gte>[0], { start, end }: MeasureScope["days"]) =>
  and(gte(column, start), lte(column, end));
/** The agency filter and the project filter, both read on the one agency column a measure is attributed by. */
const byAgency = (column: Parameters<typeof eq>[0], s: MeasureScope): SQL | undefined =>
  and(
    s.agencyId === null ? undefined : eq(column, s.agencyId),
    s.projectId ? inArray(column, projectAgencies(s.municipalityId, s.projectId)) : undefined,
  );
const projectAgencies = (municipalityId: string, projectId: string) =>
  sql`(select ${programmeProjectAgencies.agencyId} from ${programmeProjectAgencies} where ${programmeProjectAgencies.municipalityId} = ${municipalityId} and ${programmeProjectAgencies.projectId} = ${projectId})`;

/** つなぐシート sent in the year by the sender's kind, and how many of them are now つなぎ完了. */
export function referralCounts(db: Executor, s: MeasureScope) {
  return db
    .select({
      senderKind: agencies.kind,
      sent: count(),
      completed: sql<number>`count(*) filter (where ${referrals.status} = 'completed')`.mapWith(Number),
    })
    .from(referrals)
    .innerJoin(agencies, recordNamedBy(agencies, referrals.fromAgencyId))
    .where(
      and(
        inMunicipality(referrals, s.municipalityId),
        within(referrals.createdAt, s.instants),
        byAgency(referrals.fromAgencyId, s),
      ),
    )
    .groupBy(agencies.kind);
}

export async function newPersons(db: Executor, s: MeasureScope) {
  const [row] = await db
    .select({ n: count() })
    .from(persons)
    .where(
      and(
        inMunicipality(persons, s.municipalityId),
        within(persons.createdAt, s.instants),
        byAgency(persons.createdByAgencyId, s),
      ),
    );
  return row?.n ?? 0;
}

/** 支援経過 records dated in the year, by how the contact was made. */
export function contactsByMode(db: Executor, s: MeasureScope) {
  return db
    .select({ mode: caseRecords.kind, n: count() })
    .from(caseRecords)
    .where(
      and(
        inMunicipality(caseRecords, s.municipalityId),
        onDays(caseRecords.date, s.days),
        byAgency(caseRecords.agencyId, s),
      ),
    )
    .groupBy(caseRecords.kind);
}

const casesOpenedIn = (s: MeasureScope) =>
  and(inMunicipality(cases, s.municipalityId), within(cases.createdAt, s.instants), byAgency(cases.leadAgencyId, s));

export async function casesOpened(db: Executor, s: MeasureScope) {
  const [row] = await db.select({ n: count() }).from(cases).where(casesOpenedIn(s));
  return row?.n ?? 0;
}

/** Cases opened in the year under each issue they now carry (a case with two issues counts under both). */
export function casesByIssue(db: Executor, s: MeasureScope) {
  const issue = sql<string>`issue`;
  return db
    .select({ issue, n: count() })
    .from(sql`${cases} cross join lateral jsonb_array_elements_text(${cases.issues}) as issue`)
    .where(casesOpenedIn(s))
    .groupBy(issue);
}

export async function casesClosed(db: Executor, s: MeasureScope) {
  const [row] = await db
    .select({ n: countDistinct(caseClosures.caseId) })
    .from(caseClosures)
    .innerJoin(cases, recordNamedBy(cases, caseClosures.caseId))
    .where(
      and(
        inMunicipality(caseClosures, s.municipalityId),
        onDays(caseClosures.closedOn, s.days),
        byAgency(cases.leadAgencyId, s),
      ),
    );
  return row?.n ?? 0;
}

/** Meetings held in the year by the legal basis of their kind (支援会議 art. 106-6, 重層的支援会議 consent). */
export function meetingsByBasis(db: Executor, s: MeasureScope) {
  return db
    .select({ legalBasis: meetingKinds.legalBasis, n: count() })
    .from(meetings)
    .innerJoin(meetingKinds, recordNamedBy(meetingKinds, meetings.kindId))
    .where(
      and(
        inMunicipality(meetings, s.municipalityId),
        onDays(meetings.heldOn, s.days),
        s.districtId === null ? undefined : eq(meetings.districtId, s.districtId),
        byAgency(meetings.secretariatAgencyId, s),
      ),
    )
    .groupBy(meetingKinds.legalBasis);
}

/** Support plans approved in the year by kind (支援プラン, アウトリーチ支援プラン); a superseded version still counts. */
export function plansApproved(db: Executor, s: MeasureScope) {
  return db
    .select({ kind: supportPlans.kind, n: count() })
    .from(supportPlans)
    .innerJoin(cases, recordNamedBy(cases, supportPlans.caseId))
    .where(
      and(
        inMunicipality(supportPlans, s.municipalityId),
        isNotNull(supportPlans.approvedOn),
        onDays(supportPlans.approvedOn, s.days),
        byAgency(cases.leadAgencyId, s),
      ),
    )
    .groupBy(supportPlans.kind);
}

/** 参加支援: the status changes dated in the year, by the status moved to (地区 of the resource, proposing agency). */
export function placementChanges(db: Executor, s: MeasureScope) {
  return db
    .select({ status: placementEvents.status, n: count() })
    .from(placementEvents)
    .innerJoin(placements, recordNamedBy(placements, placementEvents.placementId))
    .innerJoin(resources, recordNamedBy(resources, placements.resourceId))
    .where(
      and(
        inMunicipality(placementEvents, s.municipalityId),
        onDays(placementEvents.on, s.days),
        s.districtId === null ? undefined : eq(resources.districtId, s.districtId),
        byAgency(placements.proposedByAgencyId, s),
      ),
    )
    .groupBy(placementEvents.status);
}

/** 登録事業者 registered by the end of the year (agencies are never removed, so registered then is registered). */
export async function providersAtYearEnd(db: Executor, s: MeasureScope) {
  const [row] = await db
    .select({ n: count() })
    .from(agencies)
    .where(
      and(inMunicipality(agencies, s.municipalityId, { kind: "provider" }), lt(agencies.createdAt, s.instants.to)),
    );
  return row?.n ?? 0;
}

/** The municipality's suppression threshold with the version of its settings (If-Match names it). */
export async function suppressionSetting(db: Executor, municipalityId: string) {
  const [row] = await db
    .select({ threshold: municipalities.statsSuppressionThreshold, version: municipalities.settingsVersion })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return { threshold: row?.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD, version: row?.version ?? 1 };
}

/** Changes the threshold if the settings are still at `version`; false when another change came first. */
export async function setSuppressionThreshold(
  db: Executor,
  municipalityId: string,
  threshold: number,
  version: number,
) {
  const rows = await db
    .update(municipalities)
    .set({ statsSuppressionThreshold: threshold, settingsVersion: version + 1 })
    .where(and(eq(municipalities.id, municipalityId), eq(municipalities.settingsVersion, version)))
    .returning({ id: municipalities.id });
  return rows.length > 0;
}

/** What the filters offer: the 地区, the agencies and the registry's projects by name (no person is in any). */
export async function filterChoices(db: Executor, municipalityId: string) {
  const districtRows = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(inMunicipality(districts, municipalityId))
    .orderBy(asc(districts.position), asc(districts.name));
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(inMunicipality(agencies, municipalityId))
    .orderBy(asc(agencies.kind), asc(agencies.name));
  const projectRows = await db
    .select({ id: programmeProjects.id, number: programmeProjects.number, name: programmeProjects.name })
    .from(programmeProjects)
    .where(inMunicipality(programmeProjects, municipalityId))
    .orderBy(asc(programmeProjects.number));
  return { districts: districtRows, agencies: agencyRows, projects: projectRows };
}
