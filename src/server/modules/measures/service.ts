import { fiscalYearRange } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import { findOne } from "../../db/records.js";
import { agencies, districts, programmeProjects } from "../../db/schema/index.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { computeMeasures } from "./compute.js";
import { presentStats } from "./presenter.js";
import * as repo from "./repository.js";

/** Midnight at the start of a day in Japan (UTC+9 all year: Japan keeps no summer time). */
const japanMidnight = (isoDay: string) => new Date(`${isoDay}T00:00:00+09:00`);

export function scopeOf(
  municipalityId: string,
  fiscalYear: number,
  filter: { districtId?: string | null; agencyId?: string | null; projectId?: string | null },
): repo.MeasureScope {
  const days = fiscalYearRange(fiscalYear);
  return {
    municipalityId,
    days,
    instants: { from: japanMidnight(days.start), to: japanMidnight(fiscalYearRange(fiscalYear + 1).start) },
    districtId: filter.districtId ?? null,
    agencyId: filter.agencyId ?? null,
    projectId: filter.projectId ?? null,
  };
}

/**
 * The catalogue's measures for a fiscal year and filter, in one read-only snapshot. `caller` null is an operator's
 * command (counts leave the system: suppressed).
 */
export async function readStats(
  db: Db,
  municipalityId: string,
  caller: AuthContext | null,
  query: { fiscalYear: number; districtId?: string; agencyId?: string; projectId?: string },
) {
  if (caller) policies.readMeasures(caller);
  const scope = scopeOf(municipalityId, query.fiscalYear, query);
  return db.transaction(
    async (tx) => {
      // a 地区, agency or project of another municipality (or none) is refused rather than counted as zero
      if (scope.districtId && !(await findOne(tx, districts, municipalityId, { id: scope.districtId })))
        throw new ValidationError([{ field: "districtId", message: "地区が見つかりません" }]);
      if (scope.agencyId && !(await findOne(tx, agencies, municipalityId, { id: scope.agencyId })))
        throw new ValidationError([{ field: "agencyId", message: "機関が見つかりません" }]);
      if (scope.projectId && !(await findOne(tx, programmeProjects, municipalityId, { id: scope.projectId })))
        throw new ValidationError([{ field: "projectId", message: "事業が見つかりません" }]);
      const counts = await computeMeasures(tx, scope);
      const { threshold } = await repo.suppressionSetting(tx, municipalityId);
      const filter = { districtId: scope.districtId, agencyId: scope.agencyId, projectId: scope.projectId ?? null };
      const suppressed = policies.measuresSuppressedFor(caller);
      return {
        ...presentStats(query.fiscalYear, counts, filter, suppressed, threshold),
        choices: await repo.filterChoices(tx, municipalityId),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
