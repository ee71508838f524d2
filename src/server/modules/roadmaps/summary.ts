import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Executor } from "../../db/client.js";
import * as repo from "./repository.js";

/**
 * How an item's roadmap of one fiscal year stands on a day (today in Japan unless given): of its months up to that
 * day's month, how many have an actual entered and which slipped. Null when the item has no roadmap for the year.
 * seam: part H (the mid-year report) calls this for each item it reports on.
 */
export async function getRoadmapSummaryForItem(
  db: Executor,
  municipalityId: string,
  itemId: string,
  fiscalYear: number,
  asOf: string = todayInJapan(),
) {
  const roadmap = await repo.findRoadmapOf(db, municipalityId, { itemId }, fiscalYear);
  if (!roadmap) return null;
  const upTo = asOf.slice(0, 7); // "YYYY-MM" of "YYYY-MM-DD"
  const due = (await repo.listMonths(db, municipalityId, roadmap.id)).filter((m) => m.month <= upTo);
  const slipped = due.filter((m) => m.slipped);
  return {
    roadmapId: roadmap.id,
    fiscalYear,
    asOf,
    /** months of the year up to asOf's month */
    monthsDue: due.length,
    /** of those, months with an actual entered */
    monthsDone: due.filter((m) => m.actual.length > 0).length,
    monthsSlipped: slipped.length,
    slipped: slipped.map((m) => ({ month: m.month, note: m.slipNote })),
  };
}
/**
 * The summaries of the plan's item roadmaps of one fiscal year, for the items asked about (a department's report
 * asks only about its own items). One query for the roadmaps, one per roadmap found for its months.
 */
export async function getRoadmapSummariesForItems(
  db: Executor,
  municipalityId: string,
  planId: string,
  itemIds: ReadonlySet<string>,
  fiscalYear: number,
  asOf: string = todayInJapan(),
) {
  const ofYear = (await repo.listRoadmapsOfPlan(db, municipalityId, planId)).filter(
    (r) => r.fiscalYear === fiscalYear && r.itemId !== null && itemIds.has(r.itemId),
  );
  const summaries = [];
  for (const r of ofYear) {
    const summary = await getRoadmapSummaryForItem(db, municipalityId, r.itemId as string, fiscalYear, asOf);
    if (summary) summaries.push({ itemId: r.itemId as string, ...summary });
  }
  return summaries;
}

export type RoadmapSummary = NonNullable<Awaited<ReturnType<typeof getRoadmapSummaryForItem>>>;
