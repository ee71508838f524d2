import { and, count, countDistinct, eq, gte, lte, notExists, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { inMunicipality, recordNamedBy } from "../../db/records.js";
import {
  caseReferrals,
  cases,
  placementEvents,
  placements,
  referrals,
  resourceActivityMonths,
  resources,
} from "../../db/schema/index.js";
import { type MeasureScope, onDays, within } from "./repository.js";

/**
 * The SQL of the measures the national guideline asks every 重層事業実施計画 to carry (相談受付件数, 参加支援の
 * 支援対象者数・協力事業者数, 地域づくりの拠点数・参加者数・参加機関数), beside repository.ts's.
 */

/** The fiscal year's months as recorded by the hubs ("2025-04" … "2026-03"). */
const monthsOf = ({ start, end }: MeasureScope["days"]) => ({ from: start.slice(0, 7), to: end.slice(0, 7) });

/**
 * 相談受付: a consultation reaches the programme either as a つなぐシート or directly at an agency that opens a case
 * without one. A case opened from sheets is not counted again.
 */
export async function consultationsReceived(db: Executor, s: MeasureScope) {
  const [sheets] = await db
    .select({ n: count() })
    .from(referrals)
    .where(and(inMunicipality(referrals, s.municipalityId), within(referrals.createdAt, s.instants)));
  const [direct] = await db
    .select({ n: count() })
    .from(cases)
    .where(
      and(
        inMunicipality(cases, s.municipalityId),
        within(cases.createdAt, s.instants),
        notExists(
          db
            .select({ one: sql`1` })
            .from(caseReferrals)
            .where(and(eq(caseReferrals.municipalityId, cases.municipalityId), eq(caseReferrals.caseId, cases.id))),
        ),
      ),
    );
  return (sheets?.n ?? 0) + (direct?.n ?? 0);
}

/**
 * 参加支援 with a change recorded in the year (its start included): the persons supported (each once, however many
 * placements) and the cooperating operators of the resources they went to (an agency once, an operator without an
 * agency account by its name).
 */
export async function participationReach(db: Executor, s: MeasureScope) {
  const operator = sql`coalesce(${resources.operatorAgencyId}::text, 'name:' || ${resources.operatorName})`;
  const [row] = await db
    .select({
      persons: countDistinct(cases.mainPersonId),
      operators: sql<number>`count(distinct ${operator})`.mapWith(Number),
    })
    .from(placementEvents)
    .innerJoin(placements, recordNamedBy(placements, placementEvents.placementId))
    .innerJoin(cases, recordNamedBy(cases, placements.caseId))
    .innerJoin(resources, recordNamedBy(resources, placements.resourceId))
    .where(
      and(
        inMunicipality(placementEvents, s.municipalityId),
        onDays(placementEvents.on, s.days),
        s.districtId === null ? undefined : eq(resources.districtId, s.districtId),
      ),
    );
  return { persons: row?.persons ?? 0, operators: row?.operators ?? 0 };
}

/**
 * 地域づくりの拠点 active in the year (a month recorded), the people who took part over its months (延べ) and the
 * organisations that joined (each name once across the year's hubs).
 */
export async function hubActivity(db: Executor, s: MeasureScope) {
  const { from, to } = monthsOf(s.days);
  const inYear = and(
    inMunicipality(resourceActivityMonths, s.municipalityId),
    gte(resourceActivityMonths.month, from),
    lte(resourceActivityMonths.month, to),
    s.districtId === null ? undefined : eq(resources.districtId, s.districtId),
  );
  const [row] = await db
    .select({
      hubs: countDistinct(resourceActivityMonths.resourceId),
      participants: sql<number>`coalesce(sum(${resourceActivityMonths.participants}), 0)`.mapWith(Number),
    })
    .from(resourceActivityMonths)
    .innerJoin(resources, recordNamedBy(resources, resourceActivityMonths.resourceId))
    .where(inYear);
  // a hub's months are few (twelve a year): the names are made distinct here, as written (trimmed)
  const named = await db
    .select({ organisations: resourceActivityMonths.organisations })
    .from(resourceActivityMonths)
    .innerJoin(resources, recordNamedBy(resources, resourceActivityMonths.resourceId))
    .where(inYear);
  const organisations = new Set(named.flatMap((m) => m.organisations.map((o) => o.trim()).filter((o) => o !== "")));
  return { hubs: row?.hubs ?? 0, participants: row?.participants ?? 0, organisations: organisations.size };
}
