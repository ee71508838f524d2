import type { getHome } from "../server/modules/home/service.js";
import type { JsonOf } from "./json.js";

/** GET /api/home: the caller's sections of counts, each with the screen that lists them */
export type Home = JsonOf<typeof getHome>;
export type HomeSection = Home["sections"][number];
export type HomeItem = HomeSection["items"][number];
