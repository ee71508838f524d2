import { eq, sql } from "drizzle-orm";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../../domain/measures/suppression.js";
import type { Executor } from "../../db/client.js";
import { municipalities, supportDataVersions } from "../../db/schema/index.js";

/**
 * The tables the measures count, each carrying the trigger that moves the municipality's support data version
 * (migrations 0026_stats_data_version.sql and 0027_stats_programme_version.sql). A measure that reads another table adds it here and gives it the same
 * triggers in a migration; data-version.test.ts checks the two agree.
 */
export const MEASURED_TABLES = [
  "agencies",
  "persons",
  "referrals",
  "cases",
  "case_records",
  "case_closures",
  "meeting_kinds",
  "districts",
  "meetings",
  "support_plans",
  "resources",
  "placements",
  "placement_events",
  "case_referrals",
  "programme_projects",
  "programme_project_agencies",
  "resource_activity_months",
] as const;

/**
 * The municipality's support data version and its suppression threshold, in one statement (one snapshot). The
 * threshold is a setting, not counted data: it is read with every answer and never cached.
 */
export async function dataVersionAndThreshold(db: Executor, municipalityId: string) {
  const [row] = await db
    .select({
      version: sql<number>`coalesce(${supportDataVersions.version}, 0)`.mapWith(Number),
      threshold: municipalities.statsSuppressionThreshold,
    })
    .from(municipalities)
    .leftJoin(supportDataVersions, eq(supportDataVersions.municipalityId, municipalities.id))
    .where(eq(municipalities.id, municipalityId));
  return { version: row?.version ?? 0, threshold: row?.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD };
}
