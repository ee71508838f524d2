import {
  MEASURE_DEFINITIONS,
  MEASURE_KEYS,
  MEASURE_LABELS,
  type MeasureFilter,
  type MeasureGroup,
  type MeasureKey,
  type MeasureUnit,
} from "../labels/measures.js";
import { PLACEMENT_STATUS_LABELS, PLACEMENT_STATUSES } from "../labels/placements.js";
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from "../labels/support.js";

/**
 * The catalogue of computed measures: what each counts (its words live in labels/measures.ts), its unit, the rows it
 * is broken down into and whether those rows add up to a published total. Pure data: the server computes the values
 * (modules/measures), the page and the CLI show them.
 *
 * A measure that answers to the agency filter answers to the registry project filter too: a project's count is the
 * count over the agencies attached to it (programme_project_agencies), by the same agency column.
 */

/** The ways a 支援経過 record is made, as the records call them (cases/schema.ts RECORD_KINDS). */
export const CONTACT_MODES = ["面談", "訪問", "電話", "同行", "オンライン", "会議"] as const;

export interface MeasureBreakdown {
  /** row keys in display order */
  rows: readonly string[];
  /** the words of each row */
  labels: Readonly<Record<string, string>>;
  /** the rows partition the measure: their sum is the published total. False: a row may count one thing twice */
  additive: boolean;
}

export interface MeasureDefinition {
  key: MeasureKey;
  label: string;
  definition: string;
  unit: MeasureUnit;
  group: MeasureGroup;
  /** the filters the measure answers to; with another filter set its value is absent, never an unfiltered number */
  filters: readonly MeasureFilter[];
  /** fixed rows; `dynamic` when the rows come from the data (the municipality's 相談の分類) */
  breakdown: MeasureBreakdown | "dynamic" | null;
  /** a share of another measure's total (referrals completed of referrals sent) */
  shareOf?: MeasureKey;
}

/** the agency filter and the project filter, which counts over the project's agencies */
const AGENCY = ["agency", "project"] as const satisfies readonly MeasureFilter[];

const same = <T extends string>(rows: readonly T[]) => Object.fromEntries(rows.map((r) => [r, r]));

const SHAPES: Record<MeasureKey, Omit<MeasureDefinition, "key" | "label" | "definition">> = {
  referrals_sent: {
    unit: "件",
    group: "referrals",
    filters: AGENCY,
    breakdown: { rows: AGENCY_KINDS, labels: AGENCY_KIND_LABELS, additive: true },
  },
  referrals_completed: {
    unit: "件",
    group: "referrals",
    filters: AGENCY,
    breakdown: null,
    shareOf: "referrals_sent",
  },
  new_persons: { unit: "人", group: "consultations", filters: AGENCY, breakdown: null },
  contacts: {
    unit: "件",
    group: "consultations",
    filters: AGENCY,
    breakdown: { rows: CONTACT_MODES, labels: same(CONTACT_MODES), additive: true },
  },
  cases_opened: { unit: "件", group: "cases", filters: AGENCY, breakdown: null },
  cases_closed: { unit: "件", group: "cases", filters: AGENCY, breakdown: null },
  cases_by_issue: { unit: "件", group: "cases", filters: AGENCY, breakdown: "dynamic" },
  support_meetings: { unit: "回", group: "meetings", filters: ["district", ...AGENCY], breakdown: null },
  multi_agency_meetings: { unit: "回", group: "meetings", filters: ["district", ...AGENCY], breakdown: null },
  support_plans: { unit: "件", group: "plans", filters: AGENCY, breakdown: null },
  outreach_plans: { unit: "件", group: "plans", filters: AGENCY, breakdown: null },
  // each change is counted once, under the status it moved to: the rows add up to the year's changes
  placements: {
    unit: "件",
    group: "participation",
    filters: ["district", ...AGENCY],
    breakdown: { rows: PLACEMENT_STATUSES, labels: PLACEMENT_STATUS_LABELS, additive: true },
  },
  registered_providers: { unit: "事業者", group: "providers", filters: [], breakdown: null },
  // the indicators the national guideline asks every 重層的支援体制整備事業実施計画 to carry
  consultations_received: { unit: "件", group: "consultations", filters: [], breakdown: null },
  participation_persons: { unit: "人", group: "participation", filters: ["district"], breakdown: null },
  participation_partners: { unit: "事業者", group: "participation", filters: ["district"], breakdown: null },
  community_hubs: { unit: "か所", group: "community", filters: ["district"], breakdown: null },
  hub_participants: { unit: "人", group: "community", filters: ["district"], breakdown: null },
  hub_organisations: { unit: "機関", group: "community", filters: ["district"], breakdown: null },
};

export const MEASURES: readonly MeasureDefinition[] = MEASURE_KEYS.map((key) => ({
  key,
  label: MEASURE_LABELS[key],
  definition: MEASURE_DEFINITIONS[key],
  ...SHAPES[key],
}));

export function measureDefinition(key: MeasureKey): MeasureDefinition {
  return MEASURES.find((m) => m.key === key) as MeasureDefinition;
}

/** The filters set in a request that a measure cannot answer to (its value is then absent). */
export function unansweredFilters(
  measure: Pick<MeasureDefinition, "filters">,
  set: { districtId?: string | null; agencyId?: string | null; projectId?: string | null },
): MeasureFilter[] {
  const asked: MeasureFilter[] = [];
  if (set.districtId) asked.push("district");
  if (set.agencyId) asked.push("agency");
  if (set.projectId) asked.push("project");
  return asked.filter((f) => !measure.filters.includes(f));
}
