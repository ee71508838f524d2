import type { MeasureKey } from "../../../domain/labels/measures.js";
import { MEETING_LEGAL_BASES } from "../../../domain/labels/meetings.js";
import { PLACEMENT_STATUSES } from "../../../domain/labels/placements.js";
import { AGENCY_KINDS } from "../../../domain/labels/support.js";
import { CONTACT_MODES } from "../../../domain/measures/catalogue.js";
import type { Executor } from "../../db/client.js";
import * as guideline from "./guideline-repository.js";
import * as repo from "./repository.js";

/** A measure's raw counts: its total (null when it publishes none) and its rows, keyed as the catalogue says. */
export interface RawMeasure {
  total: number | null;
  rows: { key: string; value: number }[];
}

const rowsOf = <K extends string>(keys: readonly K[], counts: Map<string, number>) =>
  keys.map((key) => ({ key, value: counts.get(key) ?? 0 }));
const single = (n: number): RawMeasure => ({ total: n, rows: [] });
const sum = (rows: { value: number }[]) => rows.reduce((s, r) => s + r.value, 0);

/**
 * Every measure of the catalogue for one scope, read in one snapshot. The counts depend on the scope only, never on
 * who asks (suppression is applied afterwards, by the presenter).
 */
export async function computeMeasures(tx: Executor, scope: repo.MeasureScope): Promise<Record<MeasureKey, RawMeasure>> {
  const referrals = await repo.referralCounts(tx, scope);
  const sentBy = new Map(referrals.map((r) => [r.senderKind, r.sent]));
  const sentRows = rowsOf(AGENCY_KINDS, sentBy);
  const contacts = rowsOf(CONTACT_MODES, new Map((await repo.contactsByMode(tx, scope)).map((r) => [r.mode, r.n])));
  const meetings = new Map((await repo.meetingsByBasis(tx, scope)).map((r) => [r.legalBasis, r.n]));
  const plans = new Map((await repo.plansApproved(tx, scope)).map((r) => [r.kind, r.n]));
  const issues = (await repo.casesByIssue(tx, scope))
    .map((r) => ({ key: r.issue, value: r.n }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key, "ja"));
  const placements = rowsOf(
    PLACEMENT_STATUSES,
    new Map((await repo.placementChanges(tx, scope)).map((r) => [r.status, r.n])),
  );
  const reach = await guideline.participationReach(tx, scope);
  const hubs = await guideline.hubActivity(tx, scope);
  const [art106_6, consent] = MEETING_LEGAL_BASES.map((basis) => meetings.get(basis) ?? 0);
  return {
    referrals_sent: { total: sum(sentRows), rows: sentRows },
    referrals_completed: single(referrals.reduce((s, r) => s + r.completed, 0)),
    new_persons: single(await repo.newPersons(tx, scope)),
    contacts: { total: sum(contacts), rows: contacts },
    cases_opened: single(await repo.casesOpened(tx, scope)),
    cases_closed: single(await repo.casesClosed(tx, scope)),
    cases_by_issue: { total: null, rows: issues },
    support_meetings: single(art106_6 ?? 0),
    multi_agency_meetings: single(consent ?? 0),
    support_plans: single(plans.get("support") ?? 0),
    outreach_plans: single(plans.get("outreach") ?? 0),
    placements: { total: sum(placements), rows: placements },
    registered_providers: single(await repo.providersAtYearEnd(tx, scope)),
    consultations_received: single(await guideline.consultationsReceived(tx, scope)),
    participation_persons: single(reach.persons),
    participation_partners: single(reach.operators),
    community_hubs: single(hubs.hubs),
    hub_participants: single(hubs.participants),
    hub_organisations: single(hubs.organisations),
  };
}
