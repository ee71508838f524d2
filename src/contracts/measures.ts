import type { readStats } from "../server/modules/measures/service.js";
import type { Jsonify } from "./json.js";

// Computed measures (統計)
/** GET /api/stats: the year's measures, suppressed or raw for the caller, with the filters' choices */
export type StatsAnswer = Jsonify<Awaited<ReturnType<typeof readStats>>>;
export type StatsMeasure = StatsAnswer["measures"][number];
