import { and, asc, eq, getTableColumns, like, not, type SQL, sql } from "drizzle-orm";
import type { PersonQuery } from "../../../domain/persons/name.js";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, withIds } from "../../db/records.js";
import {
  cases,
  caseTeam,
  consentAgencies,
  consents,
  consentWithdrawals,
  householdMembers,
  meetingKinds,
  meetingMembers,
  meetingSubjects,
  meetings,
  personLinks,
  persons,
  referrals,
} from "../../db/schema/index.js";
import type { PersonScope } from "../../platform/policies.js";

export type PersonRow = typeof persons.$inferSelect;
export type PersonLinkRow = typeof personLinks.$inferSelect;

export function insertPerson(db: Executor, values: typeof persons.$inferInsert) {
  return insertOne(db, persons, values);
}

export function findPerson(db: Executor, municipalityId: string, id: string) {
  return findOne(db, persons, municipalityId, { id });
}

/**
 * Reading order by code point (the pattern operators of the text_pattern_ops index on kana_key), whatever the
 * database's collation: the index answers both the prefix and the order, so a page of a common prefix reads only
 * that page.
 */
const byReading = sql`${persons.kanaKey} using ~<~`;

/** How many neighbours of the reading, on each side, are compared with a new record. */
const NEIGHBOURS_EACH_SIDE = 250;

/**
 * Duplicate candidates of a new record, from three index range scans: the readings nearest to the new one in
 * reading order on either side (within the same first letters, `escapedPrefix`, already LIKE-escaped), and every
 * record with the same date of birth. A common reading (サトウ…) has thousands of records in a large city; taking
 * the nearest ones keeps every record whose reading shares the longest start with the new one, and the date of
 * birth brings in the rest that could score.
 */
export async function findDuplicatePool(
  db: Executor,
  municipalityId: string,
  kanaKey: string,
  escapedPrefix: string,
  dateOfBirth: string | null,
) {
  const samePrefix = and(inMunicipality(persons, municipalityId), like(persons.kanaKey, `${escapedPrefix}%`));
  // one after the other: inside a transaction they share one connection
  const after = await db
    .select()
    .from(persons)
    .where(and(samePrefix, sql`${persons.kanaKey} ~>=~ ${kanaKey}`))
    .orderBy(byReading)
    .limit(NEIGHBOURS_EACH_SIDE);
  const before = await db
    .select()
    .from(persons)
    .where(and(samePrefix, sql`${persons.kanaKey} ~<~ ${kanaKey}`))
    .orderBy(sql`${persons.kanaKey} using ~>~`)
    .limit(NEIGHBOURS_EACH_SIDE);
  const sameDay = await (dateOfBirth
    ? db
        .select()
        .from(persons)
        .where(inMunicipality(persons, municipalityId, { dateOfBirth }))
    : Promise.resolve([]));
  const pool = new Map<string, PersonRow>();
  for (const row of [...after, ...before, ...sameDay]) pool.set(row.id, row);
  return [...pool.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Need-to-know (policies.personBasis): the facts of a person row (the outer `persons` of the statement) in relation
// to one agency, as SQL, so that a search filters in the database and reads only what it may show. Each fact is
// served by an index: referrals_person_idx; household_members_person_idx → cases_household_idx → case_team's key.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The referrals about the person that the agency sent. Receiving one is no basis on its own: the receiver sees the
 * person when the person's consent covers it (consentsCovering), as every other agency does.
 */
const referralsOfAgency = (agencyId: string | null) => sql`from ${referrals}
  where ${referrals.municipalityId} = ${persons.municipalityId} and ${referrals.personId} = ${persons.id}
  and ${referrals.fromAgencyId} = ${agencyId}`;

/**
 * The cases whose household the person belongs to and that the agency leads (主担当). A case's main person is
 * always a member of its household (a composite foreign key says so), so membership covers both. Being on the team
 * without leading is no basis on its own (consentsCovering is).
 * The lead is compared as text: without statistics (PGlite never analyses) the planner otherwise prefers an index
 * on the agency; this way each case of the person is looked at once.
 */
const casesOfAgency = (agencyId: string | null) => sql`from ${householdMembers}
  join ${cases} on ${cases.municipalityId} = ${householdMembers.municipalityId}
    and ${cases.householdId} = ${householdMembers.householdId} and ${cases.leadAgencyId}::text = ${agencyId}
  where ${householdMembers.municipalityId} = ${persons.municipalityId} and ${householdMembers.personId} = ${persons.id}`;

/**
 * The person's consents in force (not withdrawn) that cover the agency: scope "agencies" naming it, or scope
 * "team" given for a case whose team the agency is on now (a team change counts from the next request).
 * policies.disclosure: this is the consent basis; another kind of basis is one more fact beside it.
 */
const consentsCovering = (agencyId: string | null) => sql`from ${consents}
  where ${consents.municipalityId} = ${persons.municipalityId} and ${consents.personId} = ${persons.id}
  and not exists (select 1 from ${consentWithdrawals} where ${consentWithdrawals.municipalityId} = ${consents.municipalityId}
    and ${consentWithdrawals.consentId} = ${consents.id})
  and ((${consents.scope} = 'agencies' and exists (select 1 from ${consentAgencies}
      where ${consentAgencies.municipalityId} = ${consents.municipalityId} and ${consentAgencies.consentId} = ${consents.id}
      and ${consentAgencies.agencyId}::text = ${agencyId}))
    or (${consents.scope} = 'team' and exists (select 1 from ${caseTeam}
      where ${caseTeam.municipalityId} = ${consents.municipalityId} and ${caseTeam.caseId} = ${consents.caseId}
      and ${caseTeam.agencyId}::text = ${agencyId})))`;

/**
 * The 支援会議 (meetings of a kind whose legal basis is art. 106-6) that have the person on their agenda now (a case
 * subject names its main person) and of which the user is a current member who has signed the pledge. Leaving the
 * roster or the subject's removal ends it at the next request.
 */
const meetingsCovering = (userId: string | null) => sql`from ${meetingSubjects}
  join ${meetings} on ${meetings.municipalityId} = ${meetingSubjects.municipalityId} and ${meetings.id} = ${meetingSubjects.meetingId}
  join ${meetingKinds} on ${meetingKinds.municipalityId} = ${meetings.municipalityId} and ${meetingKinds.id} = ${meetings.kindId}
    and ${meetingKinds.legalBasis} = 'art106_6'
  join ${meetingMembers} on ${meetingMembers.municipalityId} = ${meetings.municipalityId} and ${meetingMembers.meetingId} = ${meetings.id}
    and ${meetingMembers.userId}::text = ${userId} and ${meetingMembers.leftAt} is null and ${meetingMembers.pledgedOn} is not null
  where ${meetingSubjects.municipalityId} = ${persons.municipalityId} and ${meetingSubjects.personId} = ${persons.id}
  and ${meetingSubjects.removedAt} is null`;

/** Who the facts are about: the caller's agency (null: an account without one) and the caller's own account. */
export interface FactsFor {
  agencyId: string | null;
  userId: string | null;
}

/** The facts policies.personBasis decides on, for the caller's agency and account. */
const factsOf = ({ agencyId, userId }: FactsFor) => ({
  createdByAgencyId: persons.createdByAgencyId,
  referralId: sql<string | null>`(select ${referrals.id} ${referralsOfAgency(agencyId)}
    order by ${referrals.createdAt} desc limit 1)`,
  caseId: sql<string | null>`(select ${cases.id} ${casesOfAgency(agencyId)} order by ${cases.createdAt} desc limit 1)`,
  consentId: sql<string | null>`(select ${consents.id} ${consentsCovering(agencyId)}
    order by ${consents.givenOn} desc nulls last, ${consents.recordedAt} desc limit 1)`,
  // qualified by hand: the joined tables all have an id, and a column in a subquery's select list is written bare
  meetingId: sql<string | null>`(select ${sql.raw('"meetings"."id"')} ${meetingsCovering(userId)}
    order by ${sql.raw('"meetings"."held_on" desc, "meetings"."id"')} limit 1)`,
});

/**
 * The person has a fact linking it to the agency: the SQL form of personBasis for agency staff (never null).
 * Scalar subqueries rather than EXISTS: with statistics, PostgreSQL turns an EXISTS under OR into a hashed set of
 * every person the agency knows (all its cases' households, thousands of rows) built for each search, while a
 * search looks at a window of at most a thousand matches; a scalar subquery is looked up for each of those only.
 */
const knownTo = ({ agencyId, userId }: { agencyId: string; userId: string | null }) =>
  sql`(${persons.createdByAgencyId} is not distinct from ${agencyId}
  or (select true ${referralsOfAgency(agencyId)} limit 1) is not null
  or (select true ${casesOfAgency(agencyId)} limit 1) is not null
  or (select true ${consentsCovering(agencyId)} limit 1) is not null
  or (select true ${meetingsCovering(userId)} limit 1) is not null)`;

/** The persons a scope lets a search show (undefined: every person of the municipality). */
function inScope(scope: PersonScope): SQL | undefined {
  if (scope.all) return undefined;
  return scope.registeredOnly ? eq(persons.createdByAgencyId, scope.agencyId) : knownTo(scope);
}

const keyOf = (q: PersonQuery) => (q.by === "reading" ? persons.kanaKey : persons.nameKey);

/** The persons whose key starts with the prefix, up to `until` (a key, inclusive) when given. */
function matching(municipalityId: string, q: PersonQuery, until: string | null) {
  const key = keyOf(q);
  return and(
    inMunicipality(persons, municipalityId),
    like(key, `${q.prefix}%`),
    until === null ? undefined : sql`${key} ~<=~ ${until}`,
  );
}

/**
 * The key of the `size`-th person matching the prefix in the key's order (null: fewer match). A search that has
 * to check a basis for every match looks at the matches up to it only, so its cost is bounded however common the
 * prefix (one index range scan of `size` entries).
 */
export async function windowEnd(db: Executor, municipalityId: string, q: PersonQuery, size: number) {
  const key = keyOf(q);
  const [row] = await db
    .select({ key })
    .from(persons)
    .where(matching(municipalityId, q, null))
    .orderBy(sql`${key} using ~<~`)
    .offset(size - 1)
    .limit(1);
  return row?.key ?? null;
}

/**
 * Prefix search (reading: kana_key, name: name_key; `q.prefix` already LIKE-escaped) within the caller's scope, in
 * the key's order, so that the text_pattern_ops index answers both the prefix and the order; up to `until` (see
 * windowEnd). Each row comes with the facts of the caller's agency (none needed for coordinators).
 */
export function searchPersons(
  db: Executor,
  municipalityId: string,
  q: PersonQuery,
  scope: PersonScope,
  opts: { until: string | null; limit: number },
) {
  const key = keyOf(q);
  const facts = scope.all
    ? { referralId: sql<null>`null`, caseId: sql<null>`null`, consentId: sql<null>`null`, meetingId: sql<null>`null` }
    : factsOf(scope);
  return db
    .select({
      person: getTableColumns(persons),
      referralId: facts.referralId,
      caseId: facts.caseId,
      consentId: facts.consentId,
      meetingId: facts.meetingId,
    })
    .from(persons)
    .where(and(matching(municipalityId, q, opts.until), inScope(scope)))
    .orderBy(sql`${key} using ~<~`, asc(persons.id))
    .limit(opts.limit);
}

/** Whether persons outside the agency's basis match too (only that: no row, no count leaves the database). */
export async function othersMatch(
  db: Executor,
  municipalityId: string,
  q: PersonQuery,
  caller: { agencyId: string; userId: string | null },
  until: string | null,
) {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(persons)
    .where(and(matching(municipalityId, q, until), not(knownTo(caller))))
    .limit(1);
  return rows.length > 0;
}

/** The facts of some persons for one agency and account (persons not found are absent). */
export function personFacts(db: Executor, municipalityId: string, caller: FactsFor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: persons.id, ...factsOf(caller) })
    .from(persons)
    .where(withIds(persons, municipalityId, ids));
}

/** Some persons by id (for names the caller may see). */
export function findPersons(db: Executor, municipalityId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select()
    .from(persons)
    .where(withIds(persons, municipalityId, ids));
}

export function findLink(db: Executor, municipalityId: string, a: string, b: string) {
  return findOne(db, personLinks, municipalityId, { personId: a, otherPersonId: b });
}

export function insertLink(db: Executor, values: typeof personLinks.$inferInsert) {
  return insertOne(db, personLinks, values);
}
