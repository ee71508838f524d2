import type { getRegistry } from "../server/modules/programme/service.js";
import type { JsonOf } from "./json.js";

/** GET /api/programme: the law's categories, the municipality's projects and what an editor may link them to. */
export type ProgrammeRegistry = JsonOf<typeof getRegistry>;
export type ProgrammeProject = ProgrammeRegistry["projects"][number];
