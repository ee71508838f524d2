import type { WorkbookImportResult } from "../server/modules/exports/schema.js";
import type { DepartmentOutcome } from "../server/modules/imports/departments-by-name.js";
import type { EvaluationReport } from "../server/modules/imports/evaluation-report.js";
import type { ImplementationPlanReport as ImplementationPlanCounts } from "../server/modules/imports/implementation-plan-report.js";
import type { IndicatorTableReport as IndicatorTableCounts } from "../server/modules/imports/indicator-table-report.js";
import type { ProgrammeReport as ProgrammeCounts } from "../server/modules/imports/programme-report.js";
import type { RoadmapReport as RoadmapCounts } from "../server/modules/imports/roadmap-report.js";
import type { commitImport } from "../server/modules/imports/service.js";
import type { Jsonify, JsonOf } from "./json.js";

/**
 * What the import service adds to every document's report (imports/service.ts previewOf and commitImport): the
 * departments the document names (in the preview without an outcome; after the commit with what was done) and
 * whether the same text was imported before. The service keeps the report as a plain record between reading and
 * answering, so the report of each kind is named here from the function that builds it.
 */
type Answered<R> = Jsonify<R> & {
  departments?: Jsonify<NamedDepartment>[];
  alreadyImported?: boolean;
};

/** A department a document names, with what the import did with it (outcome: after the commit only). */
export type NamedDepartment = Omit<DepartmentOutcome, "outcome"> & Partial<Pick<DepartmentOutcome, "outcome">>;
/** 評価総括表 + 評価表. */
export type ImportReport = Answered<EvaluationReport>;
/** 実施計画 (重点取組の個別シート). */
export type ImplementationPlanReport = Answered<ImplementationPlanCounts>;
/** 基本計画の指標の表. */
export type IndicatorTableReport = Answered<IndicatorTableCounts>;
export type PlanDocumentReport = ImplementationPlanReport | IndicatorTableReport;
/** 重層的支援体制整備事業の実施計画: the programme registry. */
export type ProgrammeReport = Answered<ProgrammeCounts>;
/** 年間ロードマップ and its 月間進捗シート. */
export type RoadmapReport = Answered<RoadmapCounts>;
/** An edited evaluation workbook (our own xlsx export brought back). */
export type WorkbookReport = Jsonify<WorkbookImportResult>;
export type AnyImportReport = ImportReport | WorkbookReport | PlanDocumentReport | ProgrammeReport | RoadmapReport;
/** A warning of any kind of text document (the evaluation document and the plan documents warn of different things). */
export type ImportWarning = (ImportReport | PlanDocumentReport | ProgrammeReport | RoadmapReport)["warnings"][number];
export type TargetKindCounts = ImplementationPlanReport["targets"];

/** POST /api/imports (and the preview): the report of whichever kind the upload was, and the plan it went into. */
export type ImportResult = Omit<JsonOf<typeof commitImport>, "report"> & { report: AnyImportReport };
