/**
 * Builds the evaluation workbook of one plan and year: the 総括表, one 評価表 per project the caller may see, and
 * the hidden metadata that makes the round-trip import possible.
 */
import ExcelJS from "exceljs";
import { sheetFieldValues } from "../../../domain/evaluation-sheet.js";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import { compareCodes } from "../../../domain/plan-items.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as departmentsRepo from "../departments/repository.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import { yearStructure } from "../evaluations/year-structure.js";
import { loadPlanOr404 } from "../plans/service.js";
import { getSummary } from "../summaries/service.js";
import { buildProjectSheet } from "./build-project-sheet.js";
import { buildSummarySheet } from "./build-summary-sheet.js";
import { reservedSheetNames, uniqueSheetName } from "./workbook-layout.js";
import { buildMetaSheet, type MetaRow } from "./workbook-meta.js";

export async function exportEvaluationWorkbook(db: Executor, actor: AuthContext, planId: string, fiscalYear: number) {
  policies.readPlans(actor);
  const plan = await loadPlanOr404(db, actor, planId);
  if (!(await evaluationsRepo.findRound(db, actor.municipalityId, planId, fiscalYear))) {
    throw notFound(`${formatFiscalYear(fiscalYear)}の評価`);
  }
  const [summary, sheets, structure, departments] = await Promise.all([
    // the same query the API parses from ?fiscalYear=…, so both share one cached result
    getSummary(db, actor, planId, { fiscalYear, isNew: undefined, isPriority: undefined }),
    evaluationsRepo.listSheetsOfPlanYear(db, actor.municipalityId, planId, fiscalYear),
    // the year's items and departments: the revision the year is evaluated under
    yearStructure(db, actor.municipalityId, planId, fiscalYear),
    departmentsRepo.listDepartments(db, actor.municipalityId),
  ]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));

  // Project sheets follow the 総括表 (tree order, each project once at its home placement); sheets of items no
  // longer in the tree come last by code so that nothing the caller may see is left out.
  const order = new Map<string, number>();
  for (const line of summary.lines) {
    if (line.kind === "project" && !line.relisted && !order.has(line.itemId)) order.set(line.itemId, order.size);
  }
  const visible = sheets
    .filter(
      (s) => structure.itemOf(s.itemId) !== null && policies.canSeeSheet(actor, structure.departmentsOf(s.itemId)),
    )
    .sort((a, b) => {
      const oa = order.get(a.itemId) ?? Number.MAX_SAFE_INTEGER;
      const ob = order.get(b.itemId) ?? Number.MAX_SAFE_INTEGER;
      return oa - ob || compareCodes(structure.itemOf(a.itemId)?.code ?? "", structure.itemOf(b.itemId)?.code ?? "");
    });

  const wb = new ExcelJS.Workbook();
  wb.creator = "tsunagu";
  const exportedAt = new Date();
  wb.created = exportedAt;
  wb.title = `${plan.title} ${formatFiscalYear(fiscalYear)} 事業別評価`;
  buildSummarySheet(
    wb,
    { ...plan, title: summary.plan.title, gradeScale: summary.plan.gradeScale },
    summary,
    exportedAt,
  );

  const taken = reservedSheetNames();
  const metaRows: MetaRow[] = [];
  visible.forEach((sheet, index) => {
    const item = structure.itemOf(sheet.itemId);
    if (!item) return;
    const name = uniqueSheetName(item.code ?? "", taken, `事業${index + 1}`);
    // the names as they were when the sheet was written; a sheet never written shows today's departments
    const departmentNames = sheet.departmentNames.length
      ? sheet.departmentNames
      : structure.departmentsOf(item.id).map((id) => deptName.get(id) ?? "");
    const ws = buildProjectSheet(wb, name, {
      planTitle: plan.title,
      fiscalYear,
      gradeScale: plan.gradeScale,
      item,
      sheet,
      departmentNames,
      createdAt: exportedAt,
    });
    metaRows.push({
      worksheetName: name,
      worksheetId: ws.id,
      sheetId: sheet.id,
      itemId: sheet.itemId,
      version: sheet.version,
      values: sheetFieldValues(sheet),
    });
  });
  buildMetaSheet(wb, { planId, fiscalYear, gradeScale: plan.gradeScale, exportedAt, rows: metaRows });

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: exportFileName(plan.title, fiscalYear), sheets: metaRows.length };
}

/** 「令和6年度_評価_<計画名>.xlsx」, without the characters Windows refuses in file names. */
export function exportFileName(planTitle: string, fiscalYear: number) {
  const safeTitle = planTitle.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 120);
  return `${formatFiscalYear(fiscalYear)}_評価_${safeTitle}.xlsx`;
}

/** RFC 6266 / 5987: an ASCII fallback for old clients plus the UTF-8 name every current browser uses. */
export function contentDisposition(fileName: string, asciiFallback: string) {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
