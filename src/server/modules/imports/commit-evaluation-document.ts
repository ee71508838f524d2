import type { ParsedEvaluationDocument } from "../../../domain/import-evaluation/types.js";
import { splitDepartments } from "../../../domain/text/normalize.js";
import type { Executor } from "../../db/client.js";
import { evaluationSheets, planItemDepartments, planItemPlacements, planItems } from "../../db/schema/index.js";
import { type Actor, type AuditEntry, actorOf, recordAuditBatch } from "../../platform/audit.js";
import * as evaluationsRepo from "../evaluations/repository.js";
import * as plansRepo from "../plans/repository.js";
import type { DepartmentIds } from "./departments-by-name.js";
import { projectsOf, writtenDepartmentsOf } from "./evaluation-report.js";
import { insertChunks, itemDepartmentRows } from "./plan-rows.js";

const LEVEL_NAMES = ["基本目標", "施策", "事業"];

/**
 * Writes a parsed evaluation document as a plan with its tree, departments, one evaluation round and one
 * accepted sheet per project. Runs inside the caller's transaction. Field values are stored exactly as
 * written; the source text and line of every field stay in `source` next to them. Departments were settled by the
 * caller (departments-by-name.ts): `departmentIds` links the names the plan office accepted.
 */
export async function commitEvaluationDocument(
  tx: Executor,
  actor: Actor,
  doc: ParsedEvaluationDocument,
  fallbackFiscalYear: number,
  departmentIds: DepartmentIds,
) {
  const m = actor.municipalityId;
  const fiscalYear = doc.fiscalYear ?? fallbackFiscalYear;
  const plan = await plansRepo.insertPlan(tx, m, {
    title: doc.planTitle || doc.documentTitle || "取込計画",
    kind: "分野別計画",
    startFiscalYear: doc.startFiscalYear ?? fiscalYear,
    endFiscalYear: doc.endFiscalYear ?? doc.startFiscalYear ?? fiscalYear,
    levelNames: LEVEL_NAMES,
    gradeScale: doc.gradeScale,
    constituentPlans: [],
  });

  type NewItem = typeof planItems.$inferInsert & { id: string };
  const items: NewItem[] = [];
  const placements: (typeof planItemPlacements.$inferInsert)[] = [];
  const itemDepartments: (typeof planItemDepartments.$inferInsert)[] = [];
  const sheets: (typeof evaluationSheets.$inferInsert)[] = [];
  const audits: AuditEntry[] = [];
  const round = await evaluationsRepo.insertRound(tx, m, plan.id, fiscalYear);

  for (const [gi, goal] of doc.goals.entries()) {
    const goalId = crypto.randomUUID();
    items.push({
      id: goalId,
      municipalityId: m,
      planId: plan.id,
      level: 0,
      code: goal.code,
      title: goal.title,
      source: { line: goal.line, writtenTotal: goal.writtenTotal, writtenTotalLabel: goal.writtenTotalLabel },
    });
    placements.push({ municipalityId: m, planId: plan.id, itemId: goalId, parentItemId: null, position: gi });
    for (const [mi, measure] of goal.measures.entries()) {
      const measureId = crypto.randomUUID();
      items.push({
        id: measureId,
        municipalityId: m,
        planId: plan.id,
        level: 1,
        code: `${goal.code}-${measure.code}`,
        title: measure.title,
        source: { line: measure.line, code: measure.code, writtenSubtotal: measure.writtenSubtotal },
      });
      placements.push({ municipalityId: m, planId: plan.id, itemId: measureId, parentItemId: goalId, position: mi });
      for (const [pi, project] of measure.projects.entries()) {
        const itemId = crypto.randomUUID();
        const sheet = project.sheet;
        // the names as written stay on the sheet (各課 included); the ids link the departments that exist
        const deptNames = writtenDepartmentsOf(project);
        const deptIds = departmentIds(deptNames.flatMap((n) => splitDepartments(n)));
        items.push({
          id: itemId,
          municipalityId: m,
          planId: plan.id,
          level: 2,
          code: String(project.number),
          title: project.title,
          summary: sheet?.fields.overview?.raw ?? null,
          isNew: project.isNew,
          isPriority: project.isPriority,
          planPage: project.planPage,
          source: {
            line: project.line,
            summaryRow: project.summaryRow,
            sheetPage: project.sheetPage,
            summaryGrade: project.summaryGrade,
            summaryDepartments: project.summaryDepartments,
            sheetTitle: sheet?.title ?? null,
            sheetMarks: sheet?.marks ?? [],
            sheetHeader: sheet?.fields.header ?? null,
          },
        });
        placements.push({ municipalityId: m, planId: plan.id, itemId, parentItemId: measureId, position: pi });
        itemDepartments.push(...itemDepartmentRows(m, itemId, deptIds));
        const f = sheet?.fields;
        const sheetId = crypto.randomUUID();
        const values = {
          previousStatus: f?.previousStatus?.raw ?? null,
          targetFirst: f?.targetFirst?.raw ?? null,
          targetSecond: f?.targetSecond?.raw ?? null,
          results: f?.results?.raw ?? null,
          grade: sheet?.grade ?? null,
          reason: f?.reason?.raw ?? null,
          issues: f?.issues?.raw ?? null,
        };
        sheets.push({
          id: sheetId,
          municipalityId: m,
          roundId: round.id,
          planId: plan.id,
          fiscalYear,
          itemId,
          // a published evaluation: its sheets are the accepted result; a project without a sheet stays open
          status: sheet ? "accepted" : "not_started",
          ...values,
          departmentNames: deptNames,
          source: sheet
            ? {
                ...sheet.fields,
                labels: {
                  previousStatus: f?.previousStatusLabel ?? null,
                  targetFirst: f?.targetFirstLabel ?? null,
                  targetSecond: f?.targetSecondLabel ?? null,
                  results: f?.resultsLabel ?? null,
                },
              }
            : null,
          updatedBy: actor.userId,
        });
        audits.push({
          ...actorOf(actor),
          action: "import",
          entityType: "evaluation_sheet",
          entityId: sheetId,
          before: null,
          after: { status: sheet ? "accepted" : "not_started", ...values },
        });
      }
    }
  }
  await insertChunks(items, 500, (chunk) => tx.insert(planItems).values(chunk));
  await insertChunks(placements, 500, (chunk) => tx.insert(planItemPlacements).values(chunk));
  await insertChunks(itemDepartments, 500, (chunk) => tx.insert(planItemDepartments).values(chunk));
  await insertChunks(sheets, 200, (chunk) => tx.insert(evaluationSheets).values(chunk));
  await recordAuditBatch(tx, audits);
  return { planId: plan.id, fiscalYear, projects: projectsOf(doc).length };
}
