import type { MeasureKey } from "../../../domain/labels/measures.js";
import type { RawMeasure } from "./compute.js";
import type { filterChoices, MeasureScope } from "./repository.js";

/**
 * Computed counts kept per database client, scope and support data version: reused while the version read with
 * them has not moved (every committed change to a counted table moves it, also from another process). Raw counts
 * only: suppression is applied to each answer for its caller, so a suppressed and a raw answer never share an entry.
 */
export interface ComputedCounts {
  version: number;
  counts: Record<MeasureKey, RawMeasure>;
  choices: Awaited<ReturnType<typeof filterChoices>>;
}

const LIMIT = 500;
const byDatabase = new WeakMap<object, Map<string, ComputedCounts>>();

/** The scope as a key: municipality, the fiscal year's days and instants and every filter the scope carries. */
export const scopeKey = (scope: MeasureScope) => JSON.stringify(scope);

export function cachedCounts(db: object, scope: MeasureScope, version: number): ComputedCounts | undefined {
  const hit = byDatabase.get(db)?.get(scopeKey(scope));
  return hit && hit.version === version ? hit : undefined;
}

export function keepCounts(db: object, scope: MeasureScope, computed: ComputedCounts) {
  let entries = byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    byDatabase.set(db, entries);
  }
  const key = scopeKey(scope);
  // the oldest entry makes room (a Map keeps insertion order; an entry computed again moves to the end)
  entries.delete(key);
  if (entries.size >= LIMIT) entries.delete(entries.keys().next().value as string);
  entries.set(key, computed);
}
