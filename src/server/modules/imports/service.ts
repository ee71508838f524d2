import { createHash } from "node:crypto";
import { decodeText, isZip } from "../../../domain/decode-text.js";
import type { DepartmentMention } from "../../../domain/departments/named-departments.js";
import { currentFiscalYear } from "../../../domain/fiscal-year.js";
import {
  isEvaluationDocument,
  parseEvaluationDocument,
} from "../../../domain/import-evaluation/parse-evaluation-document.js";
import {
  isImplementationPlanDocument,
  parseImplementationPlan,
} from "../../../domain/import-implementation-plan/parse-implementation-plan.js";
import {
  isIndicatorTableDocument,
  parseIndicatorTable,
} from "../../../domain/import-indicator-table/parse-indicator-table.js";
import { isProgrammeDocument, parseProgramme } from "../../../domain/import-programme/parse-programme.js";
import { isRoadmapDocument, parseRoadmap } from "../../../domain/import-roadmap/parse-roadmap.js";
import type { Db, Executor } from "../../db/client.js";
import { type Actor, actorOf, recordAudit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { checkTextUpload } from "../../platform/uploads/check-upload.js";
import { importEvaluationWorkbook } from "../exports/apply-evaluation-workbook.js";
import { writeProgramme } from "../programme/import-programme.js";
import { ensureBaseline } from "../revisions/service.js";
import { type RoadmapOwner, writeRoadmap } from "../roadmaps/import-roadmap.js";
import { commitEvaluationDocument } from "./commit-evaluation-document.js";
import { commitImplementationPlan } from "./commit-implementation-plan.js";
import { commitIndicatorTable, layoutIndicatorTable } from "./commit-indicator-table.js";
import { type DecisionsFor, type DepartmentIds, namedDepartments, settleDepartments } from "./departments-by-name.js";
import { evaluationDepartmentMentions, evaluationReport } from "./evaluation-report.js";
import { layoutImplementationPlan } from "./implementation-plan-layout.js";
import { implementationPlanDepartmentMentions, implementationPlanReport } from "./implementation-plan-report.js";
import { indicatorTableReport } from "./indicator-table-report.js";
import { programmeDepartmentMentions, programmeReport } from "./programme-report.js";
import * as repo from "./repository.js";
import { roadmapReport } from "./roadmap-report.js";

export type ImportKind = "evaluation" | "implementation-plan" | "indicator-table" | "programme" | "roadmap";

const badFile = (message: string) => new AppError(400, "unreadable_file", message);

const UNKNOWN_DOCUMENT =
  "取り込める文書として読み取れませんでした。次のいずれかのテキストを選んでください: 評価総括表と評価表（「事業別評価総括表」と「事業別評価表」を含むもの）、実施計画（「取組No.」と「成果(活動)指標」のある重点取組の個別シート）、基本計画の指標の表（「指標名」「現状値」「計画目標値」の列があるもの）、重層的支援体制整備事業の実施計画（「法対象事業」「区該当事業」「所管課」の表があるもの）、年間ロードマップ（「<年間ロードマップ」の見出しと「取組内容」「実施方法」の表があるもの）。";

/** A document read and checked, with what committing it would write; nothing is written yet. */
interface ReadDocument {
  kind: ImportKind;
  sha256: string;
  report: { warnings: unknown[] } & Record<string, unknown>;
  /** counts recorded in the audit trail next to the file name and hash */
  auditCounts: Record<string, number>;
  /** every department name the document links an item to (settled with the plan office before writing) */
  departmentMentions: DepartmentMention[];
  /** the plan the document went into; null for a document that fills no plan (the programme registry) */
  write(tx: Executor, actor: Actor, departmentIds: DepartmentIds): Promise<{ planId: string | null }>;
}

/**
 * Reads the upload into a parsed document of one of the known kinds, or refuses it with a Japanese message before
 * anything is written. The kind is recognised from the text: evaluation document, then 実施計画, then indicator tables, then the
 * programme registry of a 重層事業 実施計画.
 */
function readDocument(bytes: Uint8Array, roadmapOwner: RoadmapOwner | null = null): ReadDocument {
  if (isZip(bytes)) {
    throw badFile("Excelファイル（.xlsx）は、評価表の一括更新（書き出したファイルの取込）で読み込んでください。");
  }
  checkTextUpload(bytes); // before decoding: the size bounds the decoding and the parsing
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw badFile(decoded.message);
  const { text, encoding } = decoded;
  // The same document in another encoding or with other line endings is the same document.
  const sha256 = createHash("sha256")
    .update(text.replace(/^\uFEFF/, ""))
    .digest("hex");
  // A document without a year falls back to last year (evaluations) or this year (plans).
  const thisYear = currentFiscalYear();

  // first: a roadmap's "<年間ロードマップ…>" heading is its own, while its tables would look like others' to them
  if (isRoadmapDocument(text)) {
    const doc = parseRoadmap(text);
    if (doc.fiscalYear === null) {
      throw badFile("年間ロードマップの年度（例: 令和4年度 …事業）が見出しから読み取れませんでした。");
    }
    const report = roadmapReport(doc, encoding);
    return {
      kind: "roadmap",
      sha256,
      report,
      auditCounts: {
        fiscalYear: doc.fiscalYear,
        indicators: report.indicators,
        months: report.months,
        progressMonths: report.progressMonths,
        warnings: report.warnings.length,
      },
      departmentMentions: [], // the roadmap names no department: it takes its owner's
      write: async (tx, actor) => ({ planId: (await writeRoadmap(tx, actor, doc, roadmapOwner)).planId }),
    };
  }
  if (isEvaluationDocument(text)) {
    const doc = parseEvaluationDocument(text);
    const report = evaluationReport(doc, encoding);
    return {
      kind: "evaluation",
      sha256,
      report,
      auditCounts: { items: report.items, warnings: report.warnings.length },
      departmentMentions: evaluationDepartmentMentions(doc),
      write: (tx, actor, ids) => commitEvaluationDocument(tx, actor, doc, thisYear - 1, ids),
    };
  }
  if (isImplementationPlanDocument(text)) {
    const doc = parseImplementationPlan(text);
    if (doc.goals.length === 0) {
      throw badFile(
        "実施計画として読み取れませんでした。施策の体系、重点取組の個別シート、関連事業と担当課の表のいずれも見つかりません。",
      );
    }
    const layout = layoutImplementationPlan(doc);
    const report = implementationPlanReport(doc, layout, encoding);
    return {
      kind: "implementation-plan",
      sha256,
      report,
      auditCounts: {
        items: report.items,
        activities: report.activities,
        indicators: report.indicators,
        warnings: report.warnings.length,
      },
      departmentMentions: implementationPlanDepartmentMentions(layout),
      write: (tx, actor, ids) => commitImplementationPlan(tx, actor, doc, layout, thisYear, ids),
    };
  }
  if (isIndicatorTableDocument(text)) {
    const doc = parseIndicatorTable(text);
    if (doc.indicators.length === 0) {
      throw badFile(
        "指標の表として読み取れませんでした。「指標名」「現状値」「計画目標値」の列の下に指標の行がありません。",
      );
    }
    const layout = layoutIndicatorTable(doc, text, thisYear);
    const report = indicatorTableReport(doc, layout, encoding);
    return {
      kind: "indicator-table",
      sha256,
      report,
      auditCounts: { items: report.items, indicators: report.indicators, warnings: report.warnings.length },
      departmentMentions: [], // the indicator tables name no department
      write: (tx, actor) => commitIndicatorTable(tx, actor, layout),
    };
  }
  if (isProgrammeDocument(text)) {
    const doc = parseProgramme(text);
    const report = programmeReport(doc, encoding);
    return {
      kind: "programme",
      sha256,
      report,
      auditCounts: { projects: report.projects, categories: report.categories, warnings: report.warnings.length },
      departmentMentions: programmeDepartmentMentions(doc),
      write: (tx, actor, ids) => writeProgramme(tx, actor, doc, ids),
    };
  }
  throw badFile(UNKNOWN_DOCUMENT);
}

/** The report with the departments the document names, each matched to the municipality's or marked new. */
async function previewOf(db: Db, actor: Actor, read: ReadDocument) {
  const existing = await repo.findImportBySha(db, actor.municipalityId, read.kind, read.sha256);
  const departments = await namedDepartments(db, actor.municipalityId, read.departmentMentions);
  return { report: { ...read.report, departments, alreadyImported: !!existing }, planId: existing?.planId ?? null };
}

export async function previewImport(db: Db, actor: Actor, bytes: Uint8Array) {
  if (isZip(bytes)) return importEvaluationWorkbook(db, actor, bytes, { dryRun: true }); // our own xlsx
  return previewOf(db, actor, readDocument(bytes));
}

/**
 * One transaction: the plan, its items, departments, sheets or indicators, the import record and the audit trail
 * land together or not at all. A document imported before (same text, same kind) returns the earlier plan and
 * writes nothing. `departments` says what to do with each name the document names that is not yet a department
 * (register it, take an existing one, or link none): without a decision for one of them nothing is written (400).
 * A roadmap is written for `roadmapOwner` (the item or project the operator named); without one it is refused.
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  fileName: string | null,
  opts: { dryRun?: boolean; departments?: DecisionsFor; roadmapOwner?: RoadmapOwner } = {},
) {
  if (isZip(bytes)) return importEvaluationWorkbook(db, actor, bytes, { dryRun: opts.dryRun, fileName }); // our own xlsx
  const read = readDocument(bytes, opts.roadmapOwner ?? null);
  const { kind, sha256 } = read;
  if (opts.dryRun) return { ...(await previewOf(db, actor, read)), created: false };
  return db.transaction(async (tx) => {
    const existing = await repo.findImportBySha(tx, actor.municipalityId, kind, sha256);
    if (existing) {
      const departments = await namedDepartments(tx, actor.municipalityId, read.departmentMentions);
      return {
        report: { ...read.report, departments, alreadyImported: true },
        planId: existing.planId,
        created: false,
      };
    }
    const settled = await settleDepartments(tx, actor, read.departmentMentions, opts.departments ?? {});
    const report = { ...read.report, departments: settled.table };
    const result = await read.write(tx, actor, settled.idsFor);
    // an evaluated year comes with the document: the structure it was evaluated under is frozen with it
    if (kind === "evaluation" && result.planId) await ensureBaseline(tx, actor, result.planId);
    const row = await repo.insertImport(tx, {
      municipalityId: actor.municipalityId,
      kind,
      sha256,
      fileName,
      planId: result.planId,
      report,
      importedBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "import",
      entityType: "import",
      entityId: row.id,
      after: {
        fileName,
        sha256,
        kind,
        planId: result.planId,
        ...read.auditCounts,
        departmentsCreated: settled.table.filter((d) => d.outcome === "created").length,
        departmentsMapped: settled.table.filter((d) => d.outcome === "mapped").length,
      },
    });
    return { report: { ...report, alreadyImported: false }, planId: result.planId, created: true };
  });
}
