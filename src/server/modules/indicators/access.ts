/**
 * One indicator for a single-indicator route, as the caller's scope shows it, with who owns it. Hidden from the
 * caller → 404 (as if it did not exist), checked before anything else so that 403 never reveals an indicator of
 * another department.
 *
 * Scopes (revisions/in-force.ts): reads of an indicator see the revision in force; an actual of a year is entered
 * under the revision that year is evaluated under; the plan office's changes of the indicator itself work on the
 * working copy (inside a revision draft).
 */
import type { SnapshotTarget } from "../../../domain/revisions/snapshot.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { frozenItem } from "../revisions/frozen-views.js";
import { resolveStructure, type StructureScope } from "../revisions/in-force.js";
import * as repo from "./repository.js";
import { PlanStructure } from "./structure.js";

export interface ScopedIndicator {
  /** the live row (ids, plan, version) */
  indicator: repo.IndicatorRow;
  /** departments that may see it: its item's and every ancestor's */
  owners: string[];
  /** the 担当課 shown: its item's own, or the nearest ancestor's */
  departmentIds: string[];
  /** the scope's frozen revision: its name, item and targets as frozen (null: the live rows are the scope's) */
  frozen: {
    name: string;
    kind: string;
    baselineSource: string | null;
    item: { id: string; level: number; code: string | null; title: string } | null;
    targets: SnapshotTarget[];
  } | null;
}

/** The 担当課 shown for an item: its own departments, or the nearest ancestor's (chain: the item first). */
export function shownDepartments(chain: { departmentIds: string[] }[]): string[] {
  return chain.find((c) => c.departmentIds.length > 0)?.departmentIds ?? [];
}

export async function loadIndicatorForCaller(
  db: Executor,
  auth: AuthContext,
  indicatorId: string,
  scope: StructureScope,
): Promise<ScopedIndicator> {
  const indicator = await repo.findIndicator(db, auth.municipalityId, indicatorId);
  if (!indicator) throw notFound("指標");
  const { frozen } = await resolveStructure(db, auth.municipalityId, indicator.planId, scope);
  if (!frozen) {
    const chain = indicator.itemId ? await repo.itemChain(db, auth.municipalityId, indicator.itemId) : [];
    const owners = [...new Set(chain.flatMap((c) => c.departmentIds))];
    policies.readIndicator(auth, owners);
    return { indicator, owners, departmentIds: shownDepartments(chain), frozen: null };
  }
  const snapshot = frozen.snapshot;
  const shown = snapshot.indicators.find((i) => i.id === indicatorId);
  // an indicator added by a draft does not exist in the revision in force
  if (!shown) throw notFound("指標");
  const structure = new PlanStructure(
    snapshot.items,
    snapshot.placements.filter((p) => !p.relisted),
    snapshot.items.flatMap((i) => i.departmentIds.map((departmentId) => ({ itemId: i.id, departmentId }))),
  );
  const owners = shown.itemId ? structure.ownersOf(shown.itemId) : [];
  policies.readIndicator(auth, owners);
  return {
    indicator,
    owners,
    departmentIds: shown.itemId ? structure.departmentsOf(shown.itemId) : [],
    frozen: {
      name: shown.name,
      kind: shown.kind,
      baselineSource: shown.baselineSource,
      item: shown.itemId ? frozenItem(snapshot, shown.itemId) : null,
      targets: snapshot.targets.filter((t) => t.indicatorId === indicatorId),
    },
  };
}
