import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { findOne, inMunicipality, insertOne, updateAtVersion } from "../../db/records.js";
import { resourceActivityMonths, resources } from "../../db/schema/index.js";

export type ResourceRow = typeof resources.$inferSelect;

export const findResource = (db: Executor, municipalityId: string, id: string, lock = false) =>
  findOne(db, resources, municipalityId, { id }, { forUpdate: lock });
export const insertResource = (db: Executor, values: typeof resources.$inferInsert) => insertOne(db, resources, values);
export const updateResource = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<typeof resources.$inferInsert>,
) => updateAtVersion(db, resources, municipalityId, { id, version }, { ...values, updatedAt: new Date() });

/** A jsonb list column holds the value. */
const holds = (column: AnyPgColumn, value: string) => sql`${column} @> ${JSON.stringify([value])}::jsonb`;

/** LIKE's own characters in a search word are searched as themselves. */
const likeWord = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Free text: name, description, operator, schedule, accessibility and tags; the address only where the location is
 * not hidden (a search must not find a shelter by its street).
 */
function matchesText(q: string): SQL {
  const word = likeWord(q);
  return sql`(${resources.name} ilike ${word} or coalesce(${resources.description}, '') ilike ${word}
    or coalesce(${resources.operatorName}, '') ilike ${word} or coalesce(${resources.scheduleNote}, '') ilike ${word}
    or coalesce(${resources.accessibility}, '') ilike ${word} or ${resources.tags}::text ilike ${word}
    or (not ${resources.locationHidden} and coalesce(${resources.address}, '') ilike ${word}))`;
}

export interface ResourceFilter {
  q?: string;
  category?: string;
  districtId?: string;
  day?: string;
  audience?: string;
  tags?: string[];
  /** statuses of the directory itself (公開中・休止), or only these */
  statuses: readonly string[];
  /** proposals the caller sees besides (all, or one agency's), in these statuses (提案中・見送り) */
  proposals: "all" | { agencyId: string } | "none";
  proposalStatuses: readonly string[];
}

/** The resources a filter matches, by name. */
export function listResources(db: Executor, municipalityId: string, f: ResourceFilter) {
  const proposals: SQL | undefined =
    f.proposals === "none" || !f.proposalStatuses.length
      ? undefined
      : and(
          inArray(resources.status, [...f.proposalStatuses]),
          f.proposals === "all" ? undefined : eq(resources.proposedByAgencyId, f.proposals.agencyId),
        );
  const shown = or(f.statuses.length ? inArray(resources.status, [...f.statuses]) : undefined, proposals);
  return db
    .select()
    .from(resources)
    .where(
      and(
        inMunicipality(resources, municipalityId, { category: f.category, districtId: f.districtId }),
        shown ?? sql`false`,
        f.day ? holds(resources.days, f.day) : undefined,
        f.audience ? holds(resources.audiences, f.audience) : undefined,
        ...(f.tags ?? []).map((t) => holds(resources.tags, t)),
        f.q ? matchesText(f.q) : undefined,
      ),
    )
    .orderBy(asc(resources.name), asc(resources.id));
}

export type ActivityRow = typeof resourceActivityMonths.$inferSelect;

export const listActivity = (db: Executor, municipalityId: string, resourceId: string) =>
  db
    .select()
    .from(resourceActivityMonths)
    .where(inMunicipality(resourceActivityMonths, municipalityId, { resourceId }))
    .orderBy(desc(resourceActivityMonths.month));
export const findActivity = (db: Executor, municipalityId: string, resourceId: string, month: string) =>
  findOne(db, resourceActivityMonths, municipalityId, { resourceId, month }, { forUpdate: true });
export const insertActivity = (db: Executor, values: typeof resourceActivityMonths.$inferInsert) =>
  insertOne(db, resourceActivityMonths, values);
export const updateActivity = (
  db: Executor,
  municipalityId: string,
  id: string,
  version: number,
  values: Partial<typeof resourceActivityMonths.$inferInsert>,
) => updateAtVersion(db, resourceActivityMonths, municipalityId, { id, version }, { ...values, updatedAt: new Date() });
