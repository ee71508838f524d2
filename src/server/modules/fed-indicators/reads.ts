/** Reading fed indicators: an indicator's link and suggested actuals by year, and the suggestions of a sheet. */
import { currentFiscalYear } from "../../../domain/fiscal-year.js";
import type { Db } from "../../db/client.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { getSheet } from "../evaluations/service.js";
import { loadIndicatorForCaller } from "../indicators/access.js";
import { putActual } from "../indicators/yearly-values.js";
import { filterChoices } from "../measures/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentCatalogue, presentLink, presentSuggestion } from "./presenter.js";
import * as repo from "./repository.js";
import { filterLabelOf, suggestionReader } from "./suggestion.js";

/** Counts are read in one snapshot, as GET /api/stats reads them. */
const SNAPSHOT = { isolationLevel: "repeatable read", accessMode: "read only" } as const;

/** The plan's years that have begun: a year still to come has nothing to count. */
function yearsSoFar(plan: { startFiscalYear: number; endFiscalYear: number }) {
  const last = Math.min(plan.endFiscalYear, currentFiscalYear());
  const years: number[] = [];
  for (let fy = plan.startFiscalYear; fy <= last; fy++) years.push(fy);
  return years;
}

/**
 * GET /api/indicators/:id/feed: the link (null when the indicator is not fed), the suggested actual of every year of
 * the plan so far, and the measures and filters a link can name (the plan office's form).
 */
export async function getFeed(db: Db, auth: AuthContext, indicatorId: string) {
  return db.transaction(async (tx) => {
    const { indicator } = await loadIndicatorForCaller(tx, auth, indicatorId, "in_force");
    const plan = await loadPlanOr404(tx, auth, indicator.planId);
    const link = await repo.findLink(tx, auth.municipalityId, indicatorId);
    const reader = await suggestionReader(tx, auth, auth.municipalityId);
    const suggestions = link ? await reader.yearsOf(plan.id, link, yearsSoFar(plan)) : [];
    return {
      indicatorId,
      link: link ? presentLink(link, await filterLabelOf(tx, auth.municipalityId, link)) : null,
      suggestions: suggestions.map(presentSuggestion),
      suppressed: reader.suppressed,
      threshold: reader.threshold,
      catalogue: presentCatalogue(),
      choices: await filterChoices(tx, auth.municipalityId),
    };
  }, SNAPSHOT);
}

/** GET /api/sheets/:id/suggested-actuals: the suggestion of the sheet's year for each fed indicator it shows. */
export async function getSheetSuggestions(db: Db, auth: AuthContext, sheetId: string) {
  return db.transaction(async (tx) => {
    const sheet = await getSheet(tx, auth, sheetId);
    const shown = sheet.indicators.map((i) => i.id);
    const links = await repo.linksOf(tx, auth.municipalityId, shown);
    const reader = await suggestionReader(tx, auth, auth.municipalityId);
    const suggestions = [];
    for (const id of shown) {
      const link = links.get(id);
      if (!link) continue;
      const [s] = await reader.yearsOf(sheet.planId, link, [sheet.fiscalYear]);
      if (s) suggestions.push({ indicatorId: id, ...presentSuggestion(s) });
    }
    return { sheetId, fiscalYear: sheet.fiscalYear, threshold: reader.threshold, suggestions };
  }, SNAPSHOT);
}

/** POST /api/indicators/:id/actuals/:fiscalYear/accept-suggestion: the year's actual becomes the suggestion. */
export function acceptSuggestion(
  db: Db,
  actor: RequestActor,
  indicatorId: string,
  fiscalYear: number,
  version: number | null,
) {
  return putActual(
    db,
    actor,
    indicatorId,
    fiscalYear,
    version,
    { kind: "number", comment: null, suggestionReason: null },
    { acceptSuggestion: true },
  );
}
