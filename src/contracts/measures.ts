import type { z } from "zod";
import type { suppressionSettingSchema } from "../server/modules/measures/schema.js";
import type { readStats } from "../server/modules/measures/service.js";
import type { getSuppression } from "../server/modules/measures/settings.js";
import type { JsonOf } from "./json.js";

// Computed measures (統計)
/** GET /api/stats: the year's measures, suppressed or raw for the caller, with the filters' choices */
export type StatsAnswer = JsonOf<typeof readStats>;
export type StatsMeasure = StatsAnswer["measures"][number];
export type SuppressionSetting = JsonOf<typeof getSuppression>;
export type SuppressionSettingInput = z.input<typeof suppressionSettingSchema>;
