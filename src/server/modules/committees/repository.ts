import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { committeeMembers, committeeOpinions, committees, users } from "../../db/schema/index.js";

export type CommitteeRow = typeof committees.$inferSelect;
export type MemberRow = typeof committeeMembers.$inferSelect & { displayName: string; loginId: string };
export type OpinionRow = typeof committeeOpinions.$inferSelect;

export const listCommittees = (db: Executor, municipalityId: string, planId: string) =>
  db
    .select()
    .from(committees)
    .where(inMunicipality(committees, municipalityId, { planId }))
    .orderBy(asc(committees.sortOrder), asc(committees.createdAt));

export const findCommittee = (db: Executor, municipalityId: string, id: string, forUpdate = false) =>
  findOne(db, committees, municipalityId, { id }, { forUpdate });

export async function insertCommittee(
  db: Executor,
  values: Pick<typeof committees.$inferInsert, "municipalityId" | "planId" | "kind" | "name" | "marks" | "sortOrder">,
) {
  return insertOne(db, committees, values);
}

export const updateCommittee = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Pick<CommitteeRow, "kind" | "name" | "marks">,
) => updateAtVersion(db, committees, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

/** The members of some committees, with the names their accounts carry. */
export async function listMembers(db: Executor, municipalityId: string, committeeIds: string[]): Promise<MemberRow[]> {
  if (!committeeIds.length) return [];
  const rows = await db
    .select({ member: committeeMembers, displayName: users.displayName, loginId: users.loginId })
    .from(committeeMembers)
    .innerJoin(users, recordNamedBy(users, committeeMembers.userId))
    .where(and(inMunicipality(committeeMembers, municipalityId), inArray(committeeMembers.committeeId, committeeIds)))
    .orderBy(asc(committeeMembers.termFrom), asc(users.displayName));
  return rows.map((r) => ({ ...r.member, displayName: r.displayName, loginId: r.loginId }));
}

/** The caller's memberships (any term) of the committees of one plan, or of every plan. */
export const membershipsOf = (db: Executor, municipalityId: string, userId: string) =>
  db
    .select()
    .from(committeeMembers)
    .where(inMunicipality(committeeMembers, municipalityId, { userId }));

export const findMembership = (db: Executor, municipalityId: string, committeeId: string, userId: string) =>
  findOne(db, committeeMembers, municipalityId, { committeeId, userId });

/** The member list is replaced as a whole, under the committee's version the caller changed. */
export async function replaceMembers(
  db: Executor,
  municipalityId: string,
  committeeId: string,
  members: { userId: string; termFrom: string; termTo: string | null }[],
) {
  await db.delete(committeeMembers).where(inMunicipality(committeeMembers, municipalityId, { committeeId }));
  if (members.length)
    await db.insert(committeeMembers).values(members.map((m) => ({ municipalityId, committeeId, ...m })));
}

/** Plan-side accounts of the municipality among these ids (a member must be one). */
export const usersWithIds = (db: Executor, municipalityId: string, ids: string[]) =>
  ids.length
    ? db
        .select({ id: users.id, role: users.role, disabled: users.disabled })
        .from(users)
        .where(and(inMunicipality(users, municipalityId), inArray(users.id, ids)))
    : Promise.resolve([]);

export const listOpinionsOfYear = (
  db: Executor,
  municipalityId: string,
  planId: string,
  fiscalYear: number,
  committeeId?: string,
) =>
  db
    .select()
    .from(committeeOpinions)
    .where(inMunicipality(committeeOpinions, municipalityId, { planId, fiscalYear, committeeId }))
    .orderBy(asc(committeeOpinions.createdAt));

export const listSubmittedOpinionsOfItem = (db: Executor, municipalityId: string, planId: string, itemId: string) =>
  db
    .select()
    .from(committeeOpinions)
    .where(inMunicipality(committeeOpinions, municipalityId, { planId, itemId, status: "submitted" }))
    .orderBy(asc(committeeOpinions.fiscalYear), asc(committeeOpinions.createdAt));

export const findOpinion = (db: Executor, municipalityId: string, id: string, forUpdate = false) =>
  findOne(db, committeeOpinions, municipalityId, { id }, { forUpdate });

export const insertOpinion = (
  db: Executor,
  values: Pick<
    typeof committeeOpinions.$inferInsert,
    "municipalityId" | "committeeId" | "planId" | "fiscalYear" | "itemId" | "authorId" | "body"
  >,
) => insertOne(db, committeeOpinions, values);

export const updateOpinion = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<
    Pick<OpinionRow, "body" | "status" | "submittedAt" | "response" | "responseStatus" | "respondedBy" | "respondedAt">
  >,
) => updateAtVersion(db, committeeOpinions, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

/** The display names of some accounts (writers and answerers of opinions). */
export async function namesOf(db: Executor, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
