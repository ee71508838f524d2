import type { z } from "zod";
import type { ResourceDetail as ResourceDetailDto } from "../server/modules/resources/presenter.js";
import type {
  createResourceSchema,
  reviewProposalSchema,
  updateResourceSchema,
} from "../server/modules/resources/schema.js";
import type { Jsonify } from "./json.js";

// The local resource directory (地域資源)
export type Resource = Jsonify<ResourceDetailDto>;
export type CreateResourceInput = z.input<typeof createResourceSchema>;
export type UpdateResourceInput = z.input<typeof updateResourceSchema>;
export type ReviewProposalInput = z.input<typeof reviewProposalSchema>;
