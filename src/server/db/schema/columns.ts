import { type AnyPgColumn, foreignKey, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The column groups every municipality-owned table repeats. Each call makes new column builders (a builder belongs
 * to one table); the names, types and defaults are those of the tables written out, so the SQL stays the same.
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

/**
 * A foreign key to another record of the same municipality: (municipality_id, column) → (municipality_id, id), so a
 * row can never point into another municipality.
 */
export function sameMunicipality(
  municipality: AnyPgColumn,
  column: AnyPgColumn,
  target: { municipalityId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({ columns: [municipality, column], foreignColumns: [target.municipalityId, target.id] });
}
