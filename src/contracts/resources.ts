import type { z } from "zod";
import type { listFollowUpsDue } from "../server/modules/placements/follow-ups.js";
import type { placementsForOperator } from "../server/modules/placements/operator.js";
import type { listUnmetNeeds } from "../server/modules/placements/unmet-needs.js";
import type { listActivity } from "../server/modules/resources/activity.js";
import type { ResourceDetail as ResourceDetailDto } from "../server/modules/resources/presenter.js";
import type {
  createResourceSchema,
  reviewProposalSchema,
  updateResourceSchema,
} from "../server/modules/resources/schema.js";
import type { Jsonify, JsonOf } from "./json.js";

// The local resource directory (地域資源)
export type Resource = Jsonify<ResourceDetailDto>;
export type CreateResourceInput = z.input<typeof createResourceSchema>;
export type UpdateResourceInput = z.input<typeof updateResourceSchema>;
/** GET /api/resources/:resourceId/activity: a community hub's months */
export type ResourceActivity = JsonOf<typeof listActivity>;
export type ReviewProposalInput = z.input<typeof reviewProposalSchema>;

// participation support (参加支援) as the resource side and the coordinators read it
/** GET /api/resources/:resourceId/placements: the placements the operator's consent basis covers */
export type ResourcePlacements = JsonOf<typeof placementsForOperator>;
/** GET /api/unmet-needs: what cases looked for and did not find, without the case or person */
export type UnmetNeedList = JsonOf<typeof listUnmetNeeds>;
/** GET /api/placements/follow-ups: the follow-ups due for the caller's agency */
export type PlacementFollowUps = JsonOf<typeof listFollowUpsDue>;
