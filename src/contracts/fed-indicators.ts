import type { z } from "zod";
import type { putMeasureLink } from "../server/modules/fed-indicators/links.js";
import type { getFeed, getSheetSuggestions } from "../server/modules/fed-indicators/reads.js";
import type { measureLinkSchema } from "../server/modules/fed-indicators/schema.js";
import type { JsonOf } from "./json.js";

// Indicators fed by computed measures (集計値とつなぐ)
/** GET /api/indicators/:id/feed: the link, the suggested actual by year, the measures and filters to choose from */
export type IndicatorFeed = JsonOf<typeof getFeed>;
export type SuggestedActual = IndicatorFeed["suggestions"][number];
export type FeedMeasureChoice = IndicatorFeed["catalogue"][number];
/** PUT /api/indicators/:id/measure-link */
export type MeasureLink = JsonOf<typeof putMeasureLink>;
export type MeasureLinkInput = z.input<typeof measureLinkSchema>;
/** GET /api/sheets/:id/suggested-actuals */
export type SheetSuggestions = JsonOf<typeof getSheetSuggestions>;
