/**
 * The indicator module's use cases, one file each: reads (list, one indicator, series, a sheet's indicators),
 * aggregates (shares, department matrix, my department), indicator-crud, yearly-values (targets, actuals) and
 * ladder (the milestone ladder and the targets it leaves unclassified). Access to one indicator is access.ts.
 */
export { getAttainmentShare, getDepartmentMatrix, getMyDepartment } from "./aggregates.js";
export { createIndicator, deleteIndicator, updateIndicator } from "./indicator-crud.js";
export { getLadder, listUnclassifiedTargets, putLadder } from "./ladder.js";
export {
  getIndicator,
  getIndicatorListJson,
  getSeries,
  type IndicatorListDto,
  indicatorsOfSheet,
  listIndicators,
  pageOf,
  visibleEntries,
} from "./reads.js";
export { deleteActual, putActual, putTarget } from "./yearly-values.js";
