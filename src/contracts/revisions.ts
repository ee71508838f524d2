import type { z } from "zod";
import type { getDiff } from "../server/modules/revisions/diff.js";
import type { presentSide, RevisionDto } from "../server/modules/revisions/presenter.js";
import type { startRevisionSchema } from "../server/modules/revisions/schema.js";
import type { listRevisions, startRevision } from "../server/modules/revisions/service.js";
import type { Jsonify, JsonOf } from "./json.js";

export type Revision = Jsonify<RevisionDto>;
/** GET /api/plans/:planId/revisions */
export type RevisionList = JsonOf<typeof listRevisions>;
/** POST /api/plans/:planId/revisions: the draft started, and the first revision when it was frozen with it. */
export type RevisionStarted = JsonOf<typeof startRevision>;
export type StartRevisionInput = z.input<typeof startRevisionSchema>;
/** GET /api/plans/:planId/diff (changes are src/domain/revisions/diff.ts Change, drawn with diffTableRows) */
export type PlanDiff = JsonOf<typeof getDiff>;
export type DiffSide = Jsonify<ReturnType<typeof presentSide>>;
export type DiffSummary = PlanDiff["summary"];
