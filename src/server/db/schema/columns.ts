import type { BuildExtraConfigColumns } from "drizzle-orm";
import {
  type AnyPgColumn,
  foreignKey,
  integer,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The column groups and keys every municipality-owned table repeats. Each call makes new column builders (a builder
 * belongs to one table); the names, types and defaults are those of the tables written out, so the SQL stays the
 * same.
 */

/** municipality_id: first in every primary, unique and foreign key, so the tables can be distributed by it */
export const municipalityId = () => uuid("municipality_id").notNull();

/** The two columns a municipality's record starts with: its municipality and its generated id. */
export const ownedRecord = () => ({
  municipalityId: municipalityId(),
  id: uuid("id").notNull().defaultRandom(),
});

/** The optimistic-concurrency version a record is changed under (If-Match / ETag). */
export const version = () => integer("version").notNull().default(1);

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** A row's columns as a table's keys and indexes name them. */
type Owned = { municipalityId: AnyPgColumn };

/** The primary key of a municipality-owned table: municipality_id, then the columns that tell its rows apart. */
export function municipalityKey(t: Owned, ...columns: AnyPgColumn[]) {
  return primaryKey({ columns: [t.municipalityId, ...columns] });
}

/**
 * A foreign key to another record of the same municipality: (municipality_id, column) → (municipality_id, id), so a
 * row can never point into another municipality.
 */
export function sameMunicipality(t: Owned, column: AnyPgColumn, target: Owned & { id: AnyPgColumn }) {
  return foreignKey({ columns: [t.municipalityId, column], foreignColumns: [target.municipalityId, target.id] });
}

/**
 * A table of records a municipality owns: municipality_id and a generated id first, the primary key
 * (municipality_id, id), then the table's own columns, keys and indexes.
 */
export function recordTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extraConfig: (
    t: BuildExtraConfigColumns<TName, ReturnType<typeof ownedRecord> & TColumns, "pg">,
  ) => PgTableExtraConfigValue[] = () => [],
) {
  return pgTable(name, { ...ownedRecord(), ...columns }, (t) => [municipalityKey(t, t.id), ...extraConfig(t)]);
}
