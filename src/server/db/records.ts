import { and, desc, eq, getTableColumns, inArray, isNull, type SQL } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";

/**
 * The statements every repository writes over a municipality-owned table: the municipality is the first condition
 * of every lookup (it is first in every key), a record is found by its id, a change is made only at the version the
 * caller read. Each repository still names its own tables and columns; these only spell the shared shape once.
 */

/** A table whose rows belong to a municipality. */
type MunicipalityTable = PgTable & { municipalityId: PgColumn };
/** … whose rows are records with their own id. */
export type RecordTable = MunicipalityTable & { id: PgColumn };

type Columns<T extends PgTable> = T["_"]["columns"];
type Row<T extends PgTable> = T["$inferSelect"];

/** Values some columns must have: a column left out (or undefined) is not compared, null means `is null`. */
export type Match<T extends PgTable> = { [K in keyof Columns<T>]?: Columns<T>[K]["_"]["data"] | null };

/** The rows of the municipality in `table` that have the values of `match`. */
export function inMunicipality<T extends MunicipalityTable>(table: T, municipalityId: string, match: Match<T> = {}) {
  const columns = table as unknown as Record<string, PgColumn>;
  const conditions = Object.entries(match).flatMap(([name, value]) => {
    const column = columns[name] as PgColumn;
    if (value === undefined) return [];
    return value === null ? isNull(column) : eq(column, value);
  });
  return and(eq(table.municipalityId, municipalityId), ...conditions) as SQL;
}

/** The municipality's records of `table` that have one of these ids. */
export function withIds(table: RecordTable, municipalityId: string, ids: string[]) {
  return and(inMunicipality(table, municipalityId), inArray(table.id, ids)) as SQL;
}

/**
 * The join condition to the `target` record that `column` names: the same municipality as the row holding the
 * column, and the target's id (every reference between municipality-owned tables is that composite key).
 */
export function recordNamedBy(target: RecordTable, column: PgColumn) {
  const source = getTableColumns(column.table) as Record<string, PgColumn>;
  const municipalityId = source.municipalityId;
  if (!municipalityId) throw new Error(`${column.name} is not in a municipality-owned table`);
  return and(eq(target.municipalityId, municipalityId), eq(target.id, column)) as SQL;
}

/** The one row of the municipality that `match` finds (by id, or by another unique key), or null. */
export async function findOne<T extends MunicipalityTable>(
  db: Executor,
  table: T,
  municipalityId: string,
  match: Match<T>,
  opts: { forUpdate?: boolean } = {},
): Promise<Row<T> | null> {
  const query = db
    .select()
    .from(table as PgTable)
    .where(inMunicipality(table, municipalityId, match));
  // a row lock queues up the writers of one record until the transaction ends
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return (row as Row<T> | undefined) ?? null;
}

/** Inserts one row and answers it as stored (defaults, generated id). */
export async function insertOne<T extends PgTable>(db: Executor, table: T, values: PgInsertValue<T>): Promise<Row<T>> {
  const [row] = await db
    .insert(table as PgTable)
    .values(values as PgInsertValue<PgTable>)
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row as Row<T>;
}

/**
 * Changes the row `match` finds if it is still at `match.version` (the version the caller's If-Match named), and
 * moves its version on. Null when another change came first or the row is not there: the caller answers 412 or 404.
 */
export async function updateAtVersion<T extends MunicipalityTable & { version: PgColumn }>(
  db: Executor,
  table: T,
  municipalityId: string,
  match: Match<T> & { version: number },
  values: PgUpdateSetSource<T>,
): Promise<Row<T> | null> {
  const [row] = await db
    .update(table as PgTable)
    .set({ ...values, version: match.version + 1 } as PgUpdateSetSource<PgTable>)
    .where(inMunicipality(table, municipalityId, match))
    .returning();
  return (row as Row<T> | undefined) ?? null;
}

/**
 * Appends an entry to a history numbered per parent (1, 2, …): the parent's last number plus one. The number is in
 * the primary key, so two writers that took the same one cannot both succeed.
 */
export async function appendNumbered<T extends MunicipalityTable & { seq: PgColumn }>(
  db: Executor,
  table: T,
  parent: Match<T>,
  values: Omit<PgInsertValue<T>, "seq"> & { municipalityId: string },
): Promise<Row<T>> {
  const [last] = await db
    .select({ seq: table.seq })
    .from(table as PgTable)
    .where(inMunicipality(table, values.municipalityId, parent))
    .orderBy(desc(table.seq))
    .limit(1);
  const seq = ((last?.seq as number | undefined) ?? 0) + 1;
  return insertOne(db, table, { ...values, seq } as unknown as PgInsertValue<T>);
}
