import { asc, desc, max, sql } from "drizzle-orm";
import type { PlanSnapshot } from "../../../domain/revisions/snapshot.js";
import { SNAPSHOT_FORMAT } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import { inMunicipality, insertOne, recordNamedBy, updateAtVersion } from "../../db/records.js";
import { planRevisions, users } from "../../db/schema/index.js";

export type RevisionRow = typeof planRevisions.$inferSelect;

/** The revision in force: the latest approved one (null before the first approval). */
export async function findCurrentRevision(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select()
    .from(planRevisions)
    .where(inMunicipality(planRevisions, municipalityId, { planId, status: "approved" }))
    .orderBy(desc(planRevisions.number))
    .limit(1);
  return row ?? null;
}

/** A revision without its snapshot (which can be megabytes), plus the approver's login. */
const listColumns = {
  id: planRevisions.id,
  planId: planRevisions.planId,
  number: planRevisions.number,
  label: planRevisions.label,
  status: planRevisions.status,
  basedOnRevisionId: planRevisions.basedOnRevisionId,
  approvedAt: planRevisions.approvedAt,
  approvedBy: planRevisions.approvedBy,
  createdAt: planRevisions.createdAt,
  version: planRevisions.version,
  /** an operator command has no user row: its label was kept in the snapshot */
  approvedByLogin: sql<string | null>`coalesce(${users.loginId}, ${planRevisions.snapshot}->>'frozenBy')`,
  approvedByName: users.displayName,
};
export type RevisionListRow = Omit<RevisionRow, "municipalityId" | "snapshot"> & {
  approvedByLogin: string | null;
  approvedByName: string | null;
};

function withApprover(db: Executor) {
  return db.select(listColumns).from(planRevisions).leftJoin(users, recordNamedBy(users, planRevisions.approvedBy));
}

export function listRevisions(db: Executor, municipalityId: string, planId: string): Promise<RevisionListRow[]> {
  return withApprover(db)
    .where(inMunicipality(planRevisions, municipalityId, { planId }))
    .orderBy(asc(planRevisions.number));
}

export async function findRevision(
  db: Executor,
  municipalityId: string,
  planId: string,
  number: number,
): Promise<RevisionListRow | null> {
  const [row] = await withApprover(db).where(inMunicipality(planRevisions, municipalityId, { planId, number }));
  return row ?? null;
}

export async function findDraft(db: Executor, municipalityId: string, planId: string) {
  const [row] = await withApprover(db).where(
    inMunicipality(planRevisions, municipalityId, { planId, status: "draft" }),
  );
  return row ?? null;
}

export async function maxNumber(db: Executor, municipalityId: string, planId: string) {
  const [row] = await db
    .select({ max: max(planRevisions.number) })
    .from(planRevisions)
    .where(inMunicipality(planRevisions, municipalityId, { planId }));
  return row?.max ?? 0;
}

/** Serialises revision writers of one plan (start, approve) until the transaction ends. */
export async function lockPlanRevisions(db: Executor, municipalityId: string, planId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${municipalityId}:${planId}`}, 11))`);
}

export function insertRevision(
  db: Executor,
  values: {
    municipalityId: string;
    planId: string;
    number: number;
    label: string;
    status: "draft" | "approved";
    basedOnRevisionId: string | null;
    snapshot: PlanSnapshot | null;
    approvedBy: string | null;
  },
) {
  return insertOne(db, planRevisions, { ...values, approvedAt: values.status === "approved" ? sql`now()` : null });
}

/** Freezes a draft. Null when the version is not the expected one (or it is no longer a draft). */
export function approveRevision(
  db: Executor,
  municipalityId: string,
  revisionId: string,
  version: number,
  snapshot: PlanSnapshot,
  approvedBy: string | null,
) {
  const draft = { id: revisionId, version, status: "draft" };
  const approved = { status: "approved", snapshot, approvedAt: sql`now()`, approvedBy };
  return updateAtVersion(db, planRevisions, municipalityId, draft, approved);
}

/** Deletes a draft. Null when the version is not the expected one or it is no longer a draft (nothing deleted). */
export async function deleteDraftRevision(db: Executor, municipalityId: string, revisionId: string, version: number) {
  const [row] = await db
    .delete(planRevisions)
    .where(inMunicipality(planRevisions, municipalityId, { id: revisionId, version, status: "draft" }))
    .returning({ id: planRevisions.id });
  return row ?? null;
}

/** The frozen snapshot of a revision (null for a draft). Read as text: one JSON.parse, the same on both drivers. */
export async function loadRevisionSnapshot(
  db: Executor,
  municipalityId: string,
  revisionId: string,
): Promise<PlanSnapshot | null> {
  const [row] = await db
    .select({ data: sql<string | null>`${planRevisions.snapshot}::text` })
    .from(planRevisions)
    .where(inMunicipality(planRevisions, municipalityId, { id: revisionId }));
  return row?.data ? (JSON.parse(row.data) as PlanSnapshot) : null;
}

type Row = unknown[];
interface LiveRows {
  plan: PlanSnapshot["plan"] | null;
  items: Row[] | null;
  departments: Row[] | null;
  placements: Row[] | null;
  indicators: Row[] | null;
  targets: Row[] | null;
}

/**
 * The live state of a plan (the working copy) as a snapshot, in one round trip aggregated to JSON by the database
 * (one statement: a consistent view even outside a transaction). Rows come as positional arrays, without ordering
 * (the diff does not depend on it): for a plan of 2,000 projects with 10,000 targets this halves the JSON the
 * database writes and JavaScript parses. Indicators keep their order (it is the order they are listed in).
 * Null when the plan does not exist.
 */
export async function loadLiveSnapshot(
  db: Executor,
  municipalityId: string,
  planId: string,
): Promise<PlanSnapshot | null> {
  const result = await db.execute(sql`
    select json_build_object(
      'plan', (
        select json_build_object('title', p.title, 'levelNames', p.level_names, 'gradeScale', p.grade_scale,
                                 'startFiscalYear', p.start_fiscal_year, 'endFiscalYear', p.end_fiscal_year)
        from plans p where p.municipality_id = ${municipalityId} and p.id = ${planId}),
      'items', (
        select json_agg(json_build_array(i.id, i.level, i.code, i.title, i.summary, i.is_new, i.is_priority,
                                         i.category, i.major_measure, i.constituent_plans))
        from plan_items i where i.municipality_id = ${municipalityId} and i.plan_id = ${planId}),
      'departments', (
        select json_agg(json_build_array(dp.item_id, dp.department_id, dep.name, dp.position))
        from plan_item_departments dp
        join plan_items di on di.municipality_id = dp.municipality_id and di.id = dp.item_id
        join departments dep on dep.municipality_id = dp.municipality_id and dep.id = dp.department_id
        where dp.municipality_id = ${municipalityId} and di.plan_id = ${planId}),
      'placements', (
        select json_agg(json_build_array(pl.item_id, pl.parent_item_id, pl.position, pl.relisted))
        from plan_item_placements pl where pl.municipality_id = ${municipalityId} and pl.plan_id = ${planId}),
      'indicators', (
        select json_agg(json_build_array(n.id, n.item_id, n.kind, n.name, n.baseline_source)
                        order by n.item_id nulls first, n.position, n.id)
        from indicators n where n.municipality_id = ${municipalityId} and n.plan_id = ${planId}),
      'targets', (
        select json_agg(json_build_array(t.indicator_id, t.fiscal_year, t.source, t.kind, t.comparator, t.value::float8,
                                         t.unit, t.step, t.rank))
        from indicator_targets t
        join indicators tn on tn.municipality_id = t.municipality_id and tn.id = t.indicator_id
        where t.municipality_id = ${municipalityId} and tn.plan_id = ${planId})
    )::text as data`);
  const rows = (result as unknown as { rows: { data: string }[] }).rows;
  const live = JSON.parse(rows[0]?.data ?? "{}") as LiveRows;
  if (!live.plan) return null;
  return snapshotFromRows(live.plan, live);
}

const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function snapshotFromRows(plan: PlanSnapshot["plan"], live: LiveRows): PlanSnapshot {
  // departments in their stored order (position, then id), per item
  const depts = (live.departments ?? []).sort(
    (x, y) => Number(x[3]) - Number(y[3]) || (str(x[1]) < str(y[1]) ? -1 : str(x[1]) > str(y[1]) ? 1 : 0),
  );
  const deptsOf = new Map<string, { ids: string[]; names: string[] }>();
  for (const d of depts) {
    const entry = deptsOf.get(str(d[0])) ?? { ids: [], names: [] };
    entry.ids.push(str(d[1]));
    entry.names.push(str(d[2]));
    deptsOf.set(str(d[0]), entry);
  }
  return {
    format: SNAPSHOT_FORMAT,
    plan,
    items: (live.items ?? []).map((r) => {
      const d = deptsOf.get(str(r[0]));
      return {
        id: str(r[0]),
        level: Number(r[1]),
        code: strOrNull(r[2]),
        title: str(r[3]),
        summary: strOrNull(r[4]),
        isNew: r[5] === true,
        isPriority: r[6] === true,
        category: strOrNull(r[7]),
        majorMeasure: strOrNull(r[8]),
        constituentPlans: (r[9] ?? []) as string[],
        departmentIds: d?.ids ?? [],
        departmentNames: d?.names ?? [],
      };
    }),
    placements: (live.placements ?? []).map((r) => ({
      itemId: str(r[0]),
      parentItemId: strOrNull(r[1]),
      position: Number(r[2]),
      relisted: r[3] === true,
    })),
    indicators: (live.indicators ?? []).map((r) => ({
      id: str(r[0]),
      itemId: strOrNull(r[1]),
      kind: str(r[2]),
      name: str(r[3]),
      baselineSource: strOrNull(r[4]),
    })),
    targets: (live.targets ?? []).map((r) => ({
      indicatorId: str(r[0]),
      fiscalYear: Number(r[1]),
      source: str(r[2]),
      kind: str(r[3]),
      comparator: strOrNull(r[4]),
      value: numOrNull(r[5]),
      unit: strOrNull(r[6]),
      step: strOrNull(r[7]),
      rank: numOrNull(r[8]),
    })),
  };
}
