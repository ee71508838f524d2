import type { z } from "zod";
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
