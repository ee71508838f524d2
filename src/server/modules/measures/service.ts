import { fiscalYearRange } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { ValidationError } from "../../platform/errors.js";
import { type Serialized, serialize } from "../../platform/http/precompressed.js";
import { policies } from "../../platform/policies.js";
import { type ComputedCounts, cachedCounts, keepCounts, scopeKey } from "./cache.js";
import { computeMeasures } from "./compute.js";
import { dataVersionAndThreshold } from "./data-version.js";
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

type StatsQuery = { fiscalYear: number; districtId?: string; agencyId?: string; projectId?: string };

/**
 * The counts of a scope at the current support data version: from the cache when they were computed at that
 * version, else computed in one read-only snapshot (the version read in the same snapshot) and kept. A filter naming
 * a 地区, agency or project of another municipality (or none) is refused rather than counted as zero, before anything is
 * counted or kept.
 */
async function countsOf(db: Db, scope: repo.MeasureScope, version: number): Promise<ComputedCounts> {
  const hit = cachedCounts(db, scope, version);
  if (hit) return hit;
  // readers arriving together after a change share one computation rather than each running every count
  const key = `${version}:${scopeKey(scope)}`;
  let ofDatabase = computing.get(db);
  if (!ofDatabase) {
    ofDatabase = new Map();
    computing.set(db, ofDatabase);
  }
  const running = ofDatabase.get(key) ?? computeCounts(db, scope).finally(() => ofDatabase.delete(key));
  ofDatabase.set(key, running);
  return running;
}
const computing = new WeakMap<object, Map<string, Promise<ComputedCounts>>>();

async function computeCounts(db: Db, scope: repo.MeasureScope): Promise<ComputedCounts> {
  const computed = await db.transaction(
    async (tx) => {
      const { version: seen } = await dataVersionAndThreshold(tx, scope.municipalityId);
      const choices = await repo.filterChoices(tx, scope.municipalityId);
      if (scope.districtId && !choices.districts.some((d) => d.id === scope.districtId))
        throw new ValidationError([{ field: "districtId", message: "地区が見つかりません" }]);
      if (scope.agencyId && !choices.agencies.some((a) => a.id === scope.agencyId))
        throw new ValidationError([{ field: "agencyId", message: "機関が見つかりません" }]);
      if (scope.projectId && !choices.projects.some((p) => p.id === scope.projectId))
        throw new ValidationError([{ field: "projectId", message: "事業が見つかりません" }]);
      return { version: seen, counts: await computeMeasures(tx, scope), choices };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  keepCounts(db, scope, computed);
  return computed;
}

/**
 * The catalogue's measures for a fiscal year and filter. `caller` null is an operator's command (counts leave the
 * system: suppressed). The counts depend on the scope only; suppression follows the caller and the threshold now.
 */
export async function readStats(db: Db, municipalityId: string, caller: AuthContext | null, query: StatsQuery) {
  const prepared = await prepareStats(db, municipalityId, caller, query);
  return prepared.present();
}

async function prepareStats(db: Db, municipalityId: string, caller: AuthContext | null, query: StatsQuery) {
  if (caller) policies.readMeasures(caller);
  const scope = scopeOf(municipalityId, query.fiscalYear, query);
  const { version, threshold } = await dataVersionAndThreshold(db, municipalityId);
  const computed = await countsOf(db, scope, version);
  const suppressed = policies.measuresSuppressedFor(caller);
  const filter = { districtId: scope.districtId, agencyId: scope.agencyId, projectId: scope.projectId ?? null };
  return {
    computed,
    /** what the answer depends on beyond the counts: raw, or suppressed at the threshold */
    variant: suppressed ? `suppressed:${threshold}` : "raw",
    present: () => ({
      ...presentStats(query.fiscalYear, computed.counts, filter, suppressed, threshold),
      choices: computed.choices,
    }),
  };
}

/**
 * The HTTP answer, serialised once per computed counts and variant: readers of the same version share the bytes
 * and their gzip.
 */
export async function readStatsJson(db: Db, municipalityId: string, caller: AuthContext, query: StatsQuery) {
  const { computed, variant, present } = await prepareStats(db, municipalityId, caller, query);
  let variants = serialised.get(computed);
  if (!variants) {
    variants = new Map();
    serialised.set(computed, variants);
  }
  let json = variants.get(variant);
  if (!json) {
    json = serialize(present());
    variants.set(variant, json);
  }
  return json;
}
const serialised = new WeakMap<ComputedCounts, Map<string, Serialized>>();
