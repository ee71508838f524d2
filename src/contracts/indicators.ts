import type { z } from "zod";
import type { IndicatorDetailDto, IndicatorYearDto, presentPoint } from "../server/modules/indicators/presenter.js";
import type {
  actualPutSchema,
  IndicatorKind,
  indicatorInputSchema,
  indicatorPatchSchema,
  ladderPutSchema,
  targetPutSchema,
} from "../server/modules/indicators/schema.js";
import type {
  getAttainmentShare,
  getDepartmentMatrix,
  getLadder,
  getMyDepartment,
  getSeries,
  listIndicators,
  listUnclassifiedTargets,
  pageOf,
  putActual,
  putLadder,
} from "../server/modules/indicators/service.js";
import type { Jsonify, JsonOf } from "./json.js";

export type { IndicatorKind };

/** One indicator in one fiscal year (list, sheet, my department). */
export type IndicatorYear = Jsonify<IndicatorYearDto>;
export type IndicatorTarget = NonNullable<IndicatorYear["target"]>;
export type TargetTyped = IndicatorTarget["typed"];
export type IndicatorActual = NonNullable<IndicatorYear["actual"]>;
export type Attainment = IndicatorYear["attainment"];
export type AttainmentStatus = Attainment["status"];
export type IndicatorItemBrief = NonNullable<IndicatorYear["item"]>;
export type IndicatorBaseline = NonNullable<IndicatorYear["baseline"]>;

/**
 * GET /api/plans/:planId/indicators: the server writes this answer as text once per plan version (see
 * getIndicatorListJson): the object listIndicators builds, with the page it holds (pageOf).
 */
export type IndicatorList = JsonOf<typeof listIndicators> & { total: number } & Pick<
    ReturnType<typeof pageOf>,
    "offset" | "limit"
  >;
export type AttainmentTally = IndicatorList["counts"];

/** GET /api/indicators/:id */
export type IndicatorDetail = Jsonify<IndicatorDetailDto>;
export type IndicatorPoint = Jsonify<ReturnType<typeof presentPoint>>;
/** GET /api/indicators/:id/series */
export type IndicatorSeries = JsonOf<typeof getSeries>;
/** PUT /api/indicators/:id/actuals/:fiscalYear */
export type ActualSaved = JsonOf<typeof putActual>;
/** GET /api/plans/:planId/targets/unclassified */
export type UnclassifiedTargets = JsonOf<typeof listUnclassifiedTargets>;
/** GET /api/plans/:planId/milestone-ladder */
export type MilestoneLadder = JsonOf<typeof getLadder>;
export type MilestoneStep = MilestoneLadder["ladder"]["steps"][number];
/** PUT /api/plans/:planId/milestone-ladder */
export type LadderSaved = JsonOf<typeof putLadder>;
/** GET /api/plans/:planId/attainment-share */
export type AttainmentShare = JsonOf<typeof getAttainmentShare>;
/** GET /api/plans/:planId/department-matrix */
export type DepartmentMatrix = JsonOf<typeof getDepartmentMatrix>;
export type MatrixMark = DepartmentMatrix["rows"][number]["marks"][string];
/** GET /api/plans/:planId/my-department */
export type MyDepartment = JsonOf<typeof getMyDepartment>;

export type IndicatorInput = z.input<typeof indicatorInputSchema>;
export type IndicatorPatch = z.input<typeof indicatorPatchSchema>;
export type TargetInput = z.input<typeof targetPutSchema>;
export type ActualInput = z.input<typeof actualPutSchema>;
/** How an actual is entered (the request schema's kinds; a stored actual's kind is read as text) */
export type ActualKind = ActualInput["kind"];
export type LadderInput = z.input<typeof ladderPutSchema>;
