import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { inMunicipality, type RecordTable, recordNamedBy, withIds } from "../../db/records.js";
import {
  agencies,
  auditLog,
  caseRecords,
  cases,
  caseTeam,
  consents,
  departments,
  evaluationRounds,
  evaluationSheets,
  imports,
  indicators,
  municipalities,
  planItems,
  planRevisions,
  plans,
  referrals,
  users,
} from "../../db/schema/index.js";
import { namesSubject } from "../../platform/audit.js";

/** Actions that are neither a read, a denial nor a sign-in are changes (an export is a read that leaves as a file). */
export const READ_ACTIONS = ["read", "search", "export"];
export const DENIED_ACTIONS = ["denied"];
export const LOGIN_ACTIONS = ["login", "login_failed", "mfa_verified", "mfa_failed"];

/**
 * What a question about one target covers: records about these entities (type and ids), and records made through
 * it (their basis names it, e.g. a read of a person on a referral is recorded against the person with the basis
 * "referral:<id>"). Without a target: every record (or those of `entityType`).
 */
export interface TargetFilter {
  entities: { type: string; ids: string[] }[];
  bases: string[];
}

export interface EntryFilter {
  target?: TargetFilter | undefined;
  entityType?: string | undefined;
  actorUserId?: string | undefined;
  /** inclusive */
  fromAt?: Date | undefined;
  /** exclusive */
  untilAt?: Date | undefined;
  actions?: { in: string[] } | { notIn: string[] } | undefined;
  beforeSeq?: number | undefined;
  /** only the records of one side (undefined: all) */
  side?: SideFilter | undefined;
}

/** The records of one side: its kinds of target, and shared ones (accounts, sign-ins) acted on by its accounts. */
export interface SideFilter {
  entityTypes: string[];
  sharedTypes: string[];
  actorRoles: string[];
}

/** A sealed record's place in the chain (the trail is read after sealing; see the service). */
const sealedSeq = sql<number>`${auditLog.seq}`.mapWith(auditLog.seq);

/** The sealed records of the filter, newest first (keyset paging on seq). */
export async function findEntries(db: Executor, municipalityId: string, f: EntryFilter, limit: number) {
  const where: (SQL | undefined)[] = [inMunicipality(auditLog, municipalityId), isNotNull(auditLog.seq)];
  if (f.side) {
    where.push(
      or(
        inArray(auditLog.entityType, f.side.entityTypes),
        and(
          inArray(auditLog.entityType, f.side.sharedTypes),
          or(
            isNull(auditLog.actorUserId),
            // an account's record goes by the account's role (as recorded), a sign-in or a query by the actor's
            sql`coalesce(${auditLog.after}->>'role', ${auditLog.before}->>'role', ${users.role}) in (${sql.join(
              f.side.actorRoles.map((r) => sql`${r}`),
              sql`, `,
            )})`,
          ),
        ),
      ),
    );
  }
  if (f.target) {
    // a record of one entity names it in entity_id and basis; a read of many, in its subjects
    where.push(
      or(
        ...f.target.entities
          .filter((e) => e.ids.length)
          .map((e) =>
            and(
              eq(auditLog.entityType, e.type),
              or(inArray(auditLog.entityId, e.ids), ...e.ids.map((id) => namesSubject({ id }))),
            ),
          ),
        ...(f.target.bases.length
          ? [inArray(auditLog.basis, f.target.bases), ...f.target.bases.map((basis) => namesSubject({ basis }))]
          : []),
      ),
    );
  } else if (f.entityType) {
    where.push(eq(auditLog.entityType, f.entityType));
  }
  if (f.actorUserId) where.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.fromAt) where.push(gte(auditLog.at, f.fromAt));
  if (f.untilAt) where.push(lt(auditLog.at, f.untilAt));
  if (f.actions && "in" in f.actions) where.push(inArray(auditLog.action, f.actions.in));
  if (f.actions && "notIn" in f.actions) where.push(notInArray(auditLog.action, f.actions.notIn));
  if (f.beforeSeq) where.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select({
      seq: sealedSeq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      basis: auditLog.basis,
      subjects: auditLog.subjects,
      ip: auditLog.ip,
      actorName: users.displayName,
      /** stored with the record since the column exists */
      recordedAgencyId: auditLog.actorAgencyId,
      /** the account's agency now: only a fallback for older records */
      currentAgencyId: users.agencyId,
    })
    .from(auditLog)
    .leftJoin(users, recordNamedBy(users, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

/**
 * A read of many entities as the question sees it: asked about a target, the subject it names (the first, with the
 * basis it had) and how many were shown with it; otherwise the kind with the number shown, and the basis when all
 * share one. `shown` is 1 for a record of one entity.
 */
export function focusSubjects(row: EntryRow, target: TargetFilter | undefined) {
  const subjects = row.subjects;
  if (!subjects) return { ...row, shown: 1 };
  const ids = new Set(target?.entities.filter((e) => e.type === row.entityType).flatMap((e) => e.ids) ?? []);
  const bases = new Set(target?.bases ?? []);
  const named = target ? subjects.find((s) => ids.has(s.id) || (s.basis !== null && bases.has(s.basis))) : undefined;
  if (named) return { ...row, entityId: named.id, basis: named.basis, shown: subjects.length };
  const common = subjects.every((s) => s.basis === subjects[0]?.basis) ? (subjects[0]?.basis ?? null) : null;
  return { ...row, entityId: null, basis: common, shown: subjects.length };
}
export type FocusedEntryRow = ReturnType<typeof focusSubjects>;

/** The account records (create / update) of some users, oldest first: their agency over time is in them. */
export function accountHistory(db: Executor, municipalityId: string, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .select({
      seq: sealedSeq,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        inMunicipality(auditLog, municipalityId, { entityType: "user" }),
        isNotNull(auditLog.seq),
        inArray(auditLog.entityId, userIds),
        notInArray(auditLog.action, LOGIN_ACTIONS),
      ),
    )
    .orderBy(auditLog.seq);
}
export type AccountRecord = Awaited<ReturnType<typeof accountHistory>>[number];

/** What belongs to a case in the trail: its household and its activity records (支援経過) by id. */
export async function caseParts(db: Executor, municipalityId: string, caseId: string) {
  if (!UUID.test(caseId)) return { householdId: null, recordIds: [], consentIds: [] };
  const [found] = await db
    .select({ householdId: cases.householdId })
    .from(cases)
    .where(inMunicipality(cases, municipalityId, { id: caseId }));
  const records = await db
    .select({ id: caseRecords.id })
    .from(caseRecords)
    .where(inMunicipality(caseRecords, municipalityId, { caseId }));
  const given = await db
    .select({ id: consents.id })
    .from(consents)
    .where(inMunicipality(consents, municipalityId, { caseId }));
  return {
    householdId: found?.householdId ?? null,
    recordIds: records.map((r) => r.id),
    consentIds: given.map((c) => c.id),
  };
}

/** The consents recorded with a referral (its receiver reads the person on them). */
export async function referralConsentIds(db: Executor, municipalityId: string, referralId: string) {
  if (!UUID.test(referralId)) return [];
  const rows = await db
    .select({ id: consents.id })
    .from(consents)
    .where(inMunicipality(consents, municipalityId, { referralId }));
  return rows.map((r) => r.id);
}

/** Ids of the tables below are uuids; the trail also holds other ids (e.g. "referral:<id>" of a trail query). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target's name in parts (the presenter words it): a fiscal year, a code or number, a title. */
export interface TargetName {
  id: string;
  title: string;
  code: string | null;
  fiscalYear: number | null;
}

const none = sql<null>`null`;

/**
 * The names of some targets of one kind, for the plan office's view of the trail: plans, items, sheets, rounds,
 * indicators, revisions, departments, accounts, agencies, imports, the municipality. Persons and what is about
 * persons (referrals, cases, households, records) have no name here: the service decides who may see a person.
 */
export async function targetNames(
  db: Executor,
  municipalityId: string,
  type: string,
  allIds: string[],
): Promise<TargetName[]> {
  const ids = [...new Set(allIds.filter((id) => UUID.test(id)))];
  if (!ids.length) return [];
  /** Targets named by their own row: its id, a title and maybe a code. */
  const ownNames = (table: RecordTable, title: PgColumn | SQL, code: PgColumn | SQL = none) =>
    db
      .select({ id: table.id, title, code, fiscalYear: none })
      .from(table)
      .where(withIds(table, municipalityId, ids)) as Promise<TargetName[]>;
  switch (type) {
    case "plan":
      return ownNames(plans, plans.title);
    case "plan_item":
      return ownNames(planItems, planItems.title, planItems.code);
    case "evaluation_sheet":
      return db
        .select({
          id: evaluationSheets.id,
          title: planItems.title,
          code: planItems.code,
          fiscalYear: evaluationSheets.fiscalYear,
        })
        .from(evaluationSheets)
        .innerJoin(planItems, recordNamedBy(planItems, evaluationSheets.itemId))
        .where(withIds(evaluationSheets, municipalityId, ids));
    case "evaluation_round":
      return db
        .select({ id: evaluationRounds.id, title: plans.title, code: none, fiscalYear: evaluationRounds.fiscalYear })
        .from(evaluationRounds)
        .innerJoin(plans, recordNamedBy(plans, evaluationRounds.planId))
        .where(withIds(evaluationRounds, municipalityId, ids));
    case "indicator":
      return ownNames(indicators, indicators.name);
    case "plan_revision":
      return ownNames(planRevisions, planRevisions.label, sql<string>`'第' || ${planRevisions.number} || '版'`);
    case "department":
      return ownNames(departments, departments.name);
    case "user":
      return ownNames(users, users.displayName);
    case "agency":
      return ownNames(agencies, agencies.name);
    case "import":
      return ownNames(imports, sql<string>`coalesce(${imports.fileName}, '')`);
    case "municipality":
      return db
        .select({ id: municipalities.id, title: municipalities.name, code: none, fiscalYear: none })
        .from(municipalities)
        .where(and(eq(municipalities.id, municipalityId), inArray(municipalities.id, ids)));
    default:
      return [];
  }
}

/** The referrals and cases named by bases, with what tells the actor's part in them (sender, receiver, team). */
export async function basisSubjects(db: Executor, municipalityId: string, referralIds: string[], caseIds: string[]) {
  const rIds = [...new Set(referralIds.filter((id) => UUID.test(id)))];
  const cIds = [...new Set(caseIds.filter((id) => UUID.test(id)))];
  const referralRows = rIds.length
    ? await db
        .select({ id: referrals.id, fromAgencyId: referrals.fromAgencyId, toAgencyId: referrals.toAgencyId })
        .from(referrals)
        .where(withIds(referrals, municipalityId, rIds))
    : [];
  const caseRows = cIds.length
    ? await db
        .select({
          id: cases.id,
          leadAgencyId: cases.leadAgencyId,
          teamAgencyIds: sql<string[]>`coalesce((select jsonb_agg(${caseTeam.agencyId}) from ${caseTeam}
            where ${caseTeam.municipalityId} = ${cases.municipalityId} and ${caseTeam.caseId} = ${cases.id}), '[]'::jsonb)`,
        })
        .from(cases)
        .where(withIds(cases, municipalityId, cIds))
    : [];
  return { referrals: referralRows, cases: caseRows };
}
