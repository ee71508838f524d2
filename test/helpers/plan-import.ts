/** What the plan-document import tests read back from the database. */
import { and, count, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../src/server/db/client.js";
import {
  auditLog,
  imports,
  indicators,
  indicatorTargets,
  planItemPlacements,
  planItems,
  plans,
} from "../../src/server/db/schema/index.js";
import type { ApiClient } from "./api-client.js";

/** Row counts of every table an import writes: an import refused or repeated leaves them all as they were. */
export async function countImportedRows(db: Db) {
  const n = async (table: typeof plans | typeof planItems | typeof indicators | typeof auditLog | typeof imports) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  const [targets] = await db.select({ n: count() }).from(indicatorTargets);
  const [placements] = await db.select({ n: count() }).from(planItemPlacements);
  return {
    plans: await n(plans),
    items: await n(planItems),
    placements: placements?.n ?? 0,
    indicators: await n(indicators),
    targets: targets?.n ?? 0,
    audit: await n(auditLog),
    imports: await n(imports),
  };
}

/** The commit header carrying the plan office's decision for each new department name of a document. */
export const decisionsHeader = (decisions: Record<string, unknown>) => ({
  "x-import-departments": encodeURIComponent(JSON.stringify(decisions)),
});

/** The commit header registering every new department name of a preview (the plan office's confirmation). */
export function registerEveryNewName(report: { departments: { name: string; status: string }[] }) {
  return decisionsHeader(
    Object.fromEntries(report.departments.filter((d) => d.status === "new").map((d) => [d.name, { action: "create" }])),
  );
}

/** Every yearly target of a plan's indicators, with its indicator's name and kind. */
export async function targetRowsOf(db: Db, planId: string) {
  return db
    .select({
      source: indicatorTargets.source,
      kind: indicatorTargets.kind,
      fiscalYear: indicatorTargets.fiscalYear,
      comparator: indicatorTargets.comparator,
      value: indicatorTargets.value,
      unit: indicatorTargets.unit,
      step: indicatorTargets.step,
      rank: indicatorTargets.rank,
      indicatorName: indicators.name,
      indicatorKind: indicators.kind,
    })
    .from(indicatorTargets)
    .innerJoin(
      indicators,
      and(
        eq(indicators.municipalityId, indicatorTargets.municipalityId),
        eq(indicators.id, indicatorTargets.indicatorId),
      ),
    )
    .where(eq(indicators.planId, planId));
}

/** A document both the preview and the commit refuse with a 400 whose message matches. */
export async function expectImportRefused(client: ApiClient, bytes: Uint8Array, message: RegExp) {
  for (const path of ["/api/imports/preview", "/api/imports"]) {
    const res = await client.post(path, bytes);
    expect(res.status, `${path} ${message}`).toBe(400);
    expect(res.body.message).toMatch(message);
  }
}
