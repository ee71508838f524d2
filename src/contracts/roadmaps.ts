import type { getRoadmap, listPlanRoadmaps } from "../server/modules/roadmaps/service.js";
import type { JsonOf } from "./json.js";

/** GET /api/roadmaps/:roadmapId: a monthly roadmap with its months and what the caller may do. */
export type Roadmap = JsonOf<typeof getRoadmap>["roadmap"];
export type RoadmapMonth = Roadmap["months"][number];
/** GET /api/plans/:planId/roadmaps: the roadmaps of the plan's items. */
export type PlanRoadmapEntry = JsonOf<typeof listPlanRoadmaps>["roadmaps"][number];
