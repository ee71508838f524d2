/**
 * The indicators of one plan in one fiscal year, computed once per plan version and shared by the list, the
 * evaluation sheet, the shares, "my department", the CSV and the CLI.
 *
 * Every write to a plan's items, sheets, indicators, targets or actuals bumps plans.version (touchPlan), so a view is
 * reused only while nothing it depends on has changed, also across processes. The version is read in the same
 * statement as the data, and a view is kept only when that version is the one the request started from, so a write
 * that lands in between can never be cached under the wrong version.
 */
import type { Attainment } from "../../../domain/indicators/attainment.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import type { Serialized } from "../../platform/http/precompressed.js";
import { policies } from "../../platform/policies.js";
import type { PlanRow } from "../plans/repository.js";
import { frozenPlan } from "../revisions/frozen-views.js";
import { resolveStructure, type StructureScope } from "../revisions/in-force.js";
import { frozenPlanData } from "./frozen-data.js";
import { loadPlanData, type PlanData, type PlanDataActual, type PlanDataIndicator } from "./plan-data-repository.js";
import {
  type IndicatorYearDto,
  type ItemBrief,
  presentIndicatorYear,
  presentItemBrief,
  type Tally,
  tally,
} from "./presenter.js";
import { PlanStructure } from "./structure.js";
import { decide, ladderOf, targetOf } from "./typing.js";

export interface ViewEntry {
  id: string;
  itemId: string | null;
  /** the item and its ancestors (home placements) */
  chain: string[];
  /** departments that may see the indicator (item's and ancestors') */
  owners: string[];
  /** the 担当課 shown (item's own, or inherited from the nearest ancestor) */
  departmentIds: string[];
  /** the item's 基本目標 (top of its chain) */
  goalId: string | null;
  indicator: PlanDataIndicator;
  actual: PlanDataActual | null;
  attainment: Attainment;
  dto: IndicatorYearDto;
  /** dto serialised once */
  json: string;
}

export interface IndicatorView {
  municipalityId: string;
  planId: string;
  version: number;
  fiscalYear: number;
  structure: PlanStructure<ItemBrief>;
  departments: { id: string; name: string }[];
  departmentName: Map<string, string>;
  /** tree order of the items, then the indicators' order */
  entries: ViewEntry[];
  /** serialised answers of this view, per caller visibility and filter */
  serialized: Map<string, Serialized>;
}

const cache = new Map<string, IndicatorView>();
const CACHE_LIMIT = 24; // plan × fiscal year; a newer version replaces the older one of the same key
const SERIALIZED_LIMIT = 16;

/**
 * The plan's data in a scope (in force, a year's revision, the working copy): the frozen revision's structure with
 * the live actuals, or the live tables when they are the scope's. `plan`: with the scope's settings.
 */
export async function loadScopedPlanData(
  db: Executor,
  plan: PlanRow,
  scope: StructureScope,
  opts: { fiscalYear: number | null; itemDetails?: boolean; actuals?: boolean },
) {
  const { frozen } = await resolveStructure(db, plan.municipalityId, plan.id, scope);
  const live = await loadPlanData(db, plan.municipalityId, plan.id, opts);
  if (!frozen) return { data: live, plan };
  return { data: frozenPlanData(frozen.snapshot, live, opts.fiscalYear), plan: frozenPlan(plan, frozen.snapshot) };
}

/**
 * The data of a view: the year's structure is the revision the year is evaluated under (a draft's only where it is
 * drafted: `working`), with the year's actuals.
 */
function loadViewData(db: Executor, plan: PlanRow, fiscalYear: number, working: boolean) {
  return loadScopedPlanData(db, plan, working ? "working" : { fiscalYear }, { fiscalYear });
}

/**
 * The plan's view for a fiscal year: cached for plan.version; `store: false` inside write transactions. `working`:
 * the revision being drafted (the plan office, where it drafts), instead of the revision the year is under.
 */
export async function getIndicatorView(
  db: Executor,
  plan: PlanRow,
  fiscalYear: number,
  opts: { store?: boolean; working?: boolean } = {},
): Promise<IndicatorView> {
  const working = opts.working ?? false;
  const key = `${plan.municipalityId}:${plan.id}:${fiscalYear}${working ? ":working" : ""}`;
  const hit = cache.get(key);
  if (hit && hit.version === plan.version) return hit;
  const compute = async () => {
    const { data, plan: shown } = await loadViewData(db, plan, fiscalYear, working);
    const view = buildView(shown, data, fiscalYear);
    if (data.version === plan.version) {
      cache.delete(key);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, view);
    }
    return view;
  };
  if (opts.store === false) {
    const { data, plan: shown } = await loadViewData(db, plan, fiscalYear, working);
    return buildView(shown, data, fiscalYear);
  }
  // readers arriving while the view of this version is being computed wait for it instead of computing it again
  const flightKey = `${key}@${plan.version}`;
  let flight = inflight.get(flightKey);
  if (!flight) {
    flight = compute().finally(() => inflight.delete(flightKey));
    inflight.set(flightKey, flight);
  }
  return flight;
}
const inflight = new Map<string, Promise<IndicatorView>>();

export function buildView(plan: PlanRow, data: PlanData, fiscalYear: number): IndicatorView {
  const structure = new PlanStructure<ItemBrief>(data.items, data.placements, data.itemDepartments);
  const ladder = ladderOf(plan);
  const departmentName = new Map(data.departments.map((d) => [d.id, d.name]));
  const targetBy = new Map(data.targets.map((t) => [t.indicatorId, t]));
  const actualBy = new Map(data.actuals.map((a) => [a.indicatorId, a]));
  const itemBriefs = new Map<string, ReturnType<typeof presentItemBrief>>();
  const briefOf = (itemId: string | null) => {
    if (itemId === null) return null;
    let brief = itemBriefs.get(itemId);
    if (brief === undefined) {
      brief = presentItemBrief(structure.item(itemId), plan.levelNames);
      itemBriefs.set(itemId, brief);
    }
    return brief;
  };
  const entries: ViewEntry[] = data.indicators.map((indicator) => {
    const itemId = indicator.itemId && structure.itemById.has(indicator.itemId) ? indicator.itemId : null;
    const targetRow = targetBy.get(indicator.id);
    const target = targetRow ? { target: targetOf(targetRow, ladder), version: targetRow.version } : null;
    const actual = actualBy.get(indicator.id) ?? null;
    const attainment = decide(target?.target ?? null, actual, ladder);
    const departmentIds = itemId ? structure.departmentsOf(itemId) : [];
    const dto = presentIndicatorYear(
      indicator,
      briefOf(itemId),
      departmentIds.map((id) => ({ id, name: departmentName.get(id) ?? "" })),
      fiscalYear,
      target,
      actual ? { ...actual, fiscalYear } : null,
      attainment,
    );
    const chain = itemId ? structure.chain(itemId) : [];
    return {
      id: indicator.id,
      itemId,
      chain,
      owners: itemId ? structure.ownersOf(itemId) : [],
      departmentIds,
      goalId: chain[chain.length - 1] ?? null,
      indicator,
      actual,
      attainment,
      dto,
      json: JSON.stringify(dto),
    };
  });
  const orderOf = (e: ViewEntry) =>
    e.itemId === null ? Number.MAX_SAFE_INTEGER : (structure.order.get(e.itemId) ?? Number.MAX_SAFE_INTEGER);
  entries.sort((a, b) => orderOf(a) - orderOf(b)); // stable: keeps the indicators' own order within an item
  return {
    municipalityId: plan.municipalityId,
    planId: plan.id,
    version: data.version,
    fiscalYear,
    structure,
    departments: data.departments,
    departmentName,
    entries,
    serialized: new Map(),
  };
}

export interface EntryFilter {
  departmentId?: string;
  itemId?: string;
}

/** The entries the caller may see, narrowed by the filter (itemId: that item and everything below it). */
export function selectEntries(view: IndicatorView, auth: AuthContext, filter: EntryFilter = {}) {
  return view.entries.filter(
    (e) =>
      policies.canSeeIndicator(auth, e.owners) &&
      (!filter.departmentId || e.owners.includes(filter.departmentId)) &&
      (!filter.itemId || e.chain.includes(filter.itemId)),
  );
}

export function tallyOf(entries: ViewEntry[]): Tally {
  return tally(entries.map((e) => e.attainment));
}

export function serializedOnce(view: IndicatorView, key: string, build: () => string): Serialized {
  let s = view.serialized.get(key);
  if (!s) {
    s = { raw: Buffer.from(build()) };
    if (view.serialized.size >= SERIALIZED_LIMIT) view.serialized.delete(view.serialized.keys().next().value as string);
    view.serialized.set(key, s);
  }
  return s;
}
